namespace HostOps.Contracts.Operations.Cron;

/// <summary>Input of <c>cron.detail.get</c>: the entry to read.</summary>
public sealed record CronRequest
{
    /// <summary>The entry's name: its file is /etc/cron.d/hostops-NAME.</summary>
    public required string Name { get; init; }
}
