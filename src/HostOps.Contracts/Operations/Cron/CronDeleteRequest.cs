namespace HostOps.Contracts.Operations.Cron;

/// <summary>Input of <c>cron.delete.do</c>: the entry to remove.</summary>
public sealed record CronDeleteRequest : ChangeRequest
{
    public required string Name { get; init; }
}
