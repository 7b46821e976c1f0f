namespace HostOps.Contracts.Health;

/// <summary>One server of the NATS cluster.</summary>
/// <param name="Name">The server's name (<c>nats.server.name</c>).</param>
/// <param name="Up">Whether it is serving: the API's own server, a stream leader, or a current replica.</param>
public sealed record NatsClusterServer(string Name, bool Up);
