namespace HostOps.Jobs.Client;

public enum RetryResult
{
    Retried,
    NotFound,
    Conflict,
}
