namespace HostOps.Jobs.Client;

/// <summary>A job request that cannot be accepted; <see cref="Field"/> names the offending field (e.g. <c>target_hostname</c>).</summary>
public sealed class JobRequestException : Exception
{
    public JobRequestException(string field, string message)
        : base(message) => Field = field;

    public JobRequestException()
    {
        Field = "";
    }

    public JobRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "";
    }

    public string Field { get; }
}
