namespace HostOps.Contracts.Operations.Logs;

/// <summary>
/// One journal entry: when it was written (UTC), its systemd unit and syslog identifier where it has them, its
/// priority (0 emerg … 7 debug), its message and the process that wrote it.
/// </summary>
public sealed record LogEntry
{
    public DateTimeOffset? Time { get; init; }

    public string? Unit { get; init; }

    public string? Identifier { get; init; }

    public int? Priority { get; init; }

    public string? Message { get; init; }

    public int? Pid { get; init; }
}
