namespace HostOps.Contracts.Operations.Logs;

/// <summary>
/// One host's answer to a log read: the entries, oldest first; <see cref="Truncated"/> when older matching entries
/// were left out (more than <c>lines</c>, or beyond the answer's size limit).
/// </summary>
public sealed record LogResult : HostOutcome
{
    public IReadOnlyList<LogEntry>? Entries { get; init; }

    public bool Truncated { get; init; }
}
