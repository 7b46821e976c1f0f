namespace HostOps.Contracts.Operations.Cron;

/// <summary>One host's answer to <c>cron.list.get</c>: the entries HostOps wrote there, by name.</summary>
public sealed record CronListResult : HostOutcome
{
    public IReadOnlyList<CronEntry>? Entries { get; init; }
}
