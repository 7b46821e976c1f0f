namespace HostOps.Contracts.Operations.Certificates;

/// <summary>One host's answer to <c>certificate.ca.list.get</c>: the CAs HostOps installed there, by name.</summary>
public sealed record CaListResult : HostOutcome
{
    public IReadOnlyList<TrustedCa>? Certificates { get; init; }
}
