namespace HostOps.Contracts.Operations.Processes;

/// <summary>One host's answer to <c>process.list.get</c>.</summary>
public sealed record ProcessListResult : HostOutcome
{
    /// <summary>The first <c>limit</c> matching processes, in the order asked for.</summary>
    public IReadOnlyList<ProcessInfo>? Processes { get; init; }

    /// <summary>How many processes matched the filters (before the limit).</summary>
    public int? Total { get; init; }
}
