namespace HostOps.Contracts.Cluster;

/// <summary><c>POST /cluster/join</c>: a new nats-server of the cluster proves itself with a server join token.</summary>
public sealed record ServerJoinRequest(string? JoinToken, string? ServerName = null);

/// <summary>
/// What every server of one cluster shares, handed to a joining server once: the cluster's name and routes, the
/// control plane's NATS identity (seed), the routes' secret, and HostOps' CA (certificate and key) when TLS is on.
/// </summary>
public sealed record ServerJoinResponse(
    string ClusterName,
    IReadOnlyList<string> Routes,
    string ControlPlaneSeed,
    string RouteSecret,
    string? CaPem = null,
    string? CaKeyPem = null);
