namespace HostOps.Jobs.Provisioning;

/// <summary>A stream or bucket could not be created or updated; the message names it and says why.</summary>
public sealed class ProvisioningException : Exception
{
    public ProvisioningException(string message)
        : base(message)
    {
    }

    public ProvisioningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProvisioningException()
    {
    }
}
