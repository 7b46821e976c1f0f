namespace HostOps.Contracts.Operations.Hostname;

/// <summary>Input of <c>system.hostname.set</c>.</summary>
public sealed record HostnameSetRequest : ChangeRequest
{
    /// <summary>The new hostname (RFC 1123).</summary>
    public required string Name { get; init; }
}
