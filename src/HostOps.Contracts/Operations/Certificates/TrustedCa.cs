namespace HostOps.Contracts.Operations.Certificates;

/// <summary>One CA HostOps installed in a host's trust store: its name, subject, end of validity and SHA-256 fingerprint.</summary>
public sealed record TrustedCa
{
    public required string Name { get; init; }

    public string? Subject { get; init; }

    public DateTimeOffset? NotAfter { get; init; }

    public string? Sha256 { get; init; }
}
