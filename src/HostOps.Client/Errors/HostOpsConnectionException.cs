namespace HostOps.Client.Errors;

/// <summary>No HTTP answer at all: refused, unresolvable, timed out. The message is <c>cannot reach API at URL (why)</c>.</summary>
public sealed class HostOpsConnectionException : Exception
{
    public HostOpsConnectionException(Uri baseAddress, string reason, Exception innerException)
        : base($"cannot reach API at {baseAddress.ToString().TrimEnd('/')} ({reason})", innerException)
    {
        BaseAddress = baseAddress;
    }

    public HostOpsConnectionException()
    {
    }

    public HostOpsConnectionException(string message)
        : base(message)
    {
    }

    public HostOpsConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Uri? BaseAddress { get; }
}
