namespace HostOps.Agent.Operations;

/// <summary>The operation ran and failed for a reason a retry cannot fix; the job is marked failed with this message.</summary>
public sealed class OperationFailedException : Exception
{
    public OperationFailedException(string message)
        : base(message)
    {
    }

    public OperationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OperationFailedException()
    {
    }
}
