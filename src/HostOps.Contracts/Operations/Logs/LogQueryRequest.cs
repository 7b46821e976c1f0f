namespace HostOps.Contracts.Operations.Logs;

/// <summary>Input of <c>log.query.get</c>: which journal entries to read, every filter optional.</summary>
public sealed record LogQueryRequest
{
    /// <summary>Only this unit's entries (<c>nginx</c>, <c>ssh.socket</c>).</summary>
    public string? Unit { get; init; }

    /// <summary>Entries at or after this journalctl time (<c>2026-11-30 08:00</c>, <c>-1h</c>, <c>today</c>).</summary>
    public string? Since { get; init; }

    /// <summary>Entries at or before this journalctl time.</summary>
    public string? Until { get; init; }

    /// <summary>This priority and more severe ones: 0-7 or <c>emerg</c> … <c>debug</c>.</summary>
    public string? Priority { get; init; }

    /// <summary>Only entries whose message matches this regular expression.</summary>
    public string? Grep { get; init; }

    /// <summary>How many of the newest matching entries (1-1000, default 100).</summary>
    public int? Lines { get; init; }
}
