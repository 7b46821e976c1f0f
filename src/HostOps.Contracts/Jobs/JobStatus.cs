namespace HostOps.Contracts.Jobs;

/// <summary>The status values a job can have; computed from its events.</summary>
public static class JobStatus
{
    public const string Unprocessed = "unprocessed";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string PartialFailure = "partial_failure";
    public const string Dlq = "dlq";

    public static IReadOnlyList<string> All { get; } =
        [Unprocessed, Processing, Completed, Failed, PartialFailure, Dlq];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status);

    public static bool IsTerminal(string status) =>
        status is Completed or Failed or PartialFailure or Dlq;
}
