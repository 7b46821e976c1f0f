namespace HostOps.Contracts.Jobs;

/// <summary>The kinds of job events. <c>started</c> implies <c>acknowledged</c>.</summary>
public static class JobEventKind
{
    public const string Submitted = "submitted";
    public const string Acknowledged = "acknowledged";
    public const string Started = "started";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Dlq = "dlq";
    public const string Retried = "retried";
}
