namespace HostOps.Contracts.Operations.Processes;

/// <summary>Input of <c>process.list.get</c>: which processes, in which order, how many.</summary>
public sealed record ProcessListRequest
{
    /// <summary><c>cpu</c> (default), <c>rss</c>, <c>pid</c> or <c>start</c>; see <see cref="ProcessRules.Sorts"/>.</summary>
    public string? Sort { get; init; }

    /// <summary>At most this many processes (1–1000, default 50).</summary>
    public int? Limit { get; init; }

    /// <summary>Only processes of this user (a name or a numeric uid).</summary>
    public string? User { get; init; }

    /// <summary>Only processes whose name (the kernel's comm, or the file name of argv[0]) contains this text.</summary>
    public string? Name { get; init; }
}
