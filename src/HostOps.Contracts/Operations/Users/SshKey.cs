namespace HostOps.Contracts.Operations.Users;

/// <summary>One key of an <c>authorized_keys</c> file: its type, <c>SHA256:…</c> fingerprint, comment and options (as written).</summary>
public sealed record SshKey
{
    public required string Type { get; init; }

    public required string Fingerprint { get; init; }

    public string? Comment { get; init; }

    public string? Options { get; init; }
}
