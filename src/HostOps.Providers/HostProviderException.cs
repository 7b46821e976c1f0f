namespace HostOps.Providers;

/// <summary>A provider cannot do its work on this host (file missing, no permission, no such interface); the message says why.</summary>
public sealed class HostProviderException : Exception
{
    public HostProviderException(string message)
        : base(message)
    {
    }

    public HostProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HostProviderException()
    {
    }
}
