namespace HostOps.Contracts.Operations.Files;

/// <summary>
/// One host's answer to <c>fs.stat.get</c>: whether the path exists and, when it does, what it is (<c>file</c>,
/// <c>directory</c>, <c>symlink</c> or <c>other</c>), its mode, owner, group, size, modification time and, for a
/// regular file, the sha256 of its content.
/// </summary>
public sealed record FileStatResult : HostOutcome
{
    public string? Path { get; init; }

    public bool Exists { get; init; }

    public string? Type { get; init; }

    public long? Size { get; init; }

    /// <summary>Four octal digits: <c>0644</c>.</summary>
    public string? Mode { get; init; }

    public string? Owner { get; init; }

    public string? Group { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public string? Sha256 { get; init; }
}
