namespace HostOps.Contracts.Health;

/// <summary>Body of <c>GET /health</c> and <c>GET /health/ready</c>.</summary>
public sealed record SimpleStatus(string Status, string? Error = null);
