namespace HostOps.Contracts.Operations.Certificates;

/// <summary>One host's answer to adding or removing a CA: the CA (after a remove, the one removed, when there was one).</summary>
public sealed record CaResult : HostOutcome
{
    public string? Name { get; init; }

    public string? Subject { get; init; }

    public DateTimeOffset? NotAfter { get; init; }

    public string? Sha256 { get; init; }
}
