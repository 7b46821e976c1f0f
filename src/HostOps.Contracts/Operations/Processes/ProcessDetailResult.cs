namespace HostOps.Contracts.Operations.Processes;

/// <summary>One host's answer to <c>process.detail.get</c>: the fields of <see cref="ProcessInfo"/>, its threads and argv.</summary>
public sealed record ProcessDetailResult : HostOutcome
{
    public int? Pid { get; init; }

    public int? Ppid { get; init; }

    public string? User { get; init; }

    public string? Command { get; init; }

    public string? State { get; init; }

    public double? CpuPercent { get; init; }

    public long? RssBytes { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public int? Threads { get; init; }

    /// <summary>The command line as the kernel keeps it, one element per argument (empty for a kernel thread).</summary>
    public IReadOnlyList<string>? Argv { get; init; }
}
