namespace HostOps.Nats.Server;

/// <summary>The managed nats-server could not be started; the message names the setting or the cause.</summary>
public sealed class ManagedNatsServerException : Exception
{
    public ManagedNatsServerException(string message)
        : base(message)
    {
    }

    public ManagedNatsServerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ManagedNatsServerException()
    {
    }
}
