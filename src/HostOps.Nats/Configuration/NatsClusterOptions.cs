namespace HostOps.Nats.Configuration;

/// <summary>
/// The <c>nats:server:cluster:</c> section: the managed server joins a NATS cluster when <see cref="Name"/> is set.
/// Every server of one cluster has the same name and lists the others' route addresses; routes authenticate with the
/// cluster's shared secret (see <c>hostops nats server start --join</c>), and use TLS beyond loopback.
/// </summary>
public sealed class NatsClusterOptions
{
    /// <summary>The cluster's name, the same on every server; empty: no cluster (a single server).</summary>
    public string Name { get; set; } = "";

    /// <summary>Where the route listener binds; empty: <c>nats.server.host</c>.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 6222;

    /// <summary>The other servers' route addresses, <c>host:port</c> or <c>nats-route://host:port</c>.</summary>
    public List<string> Routes { get; set; } = [];

    public bool Enabled => Name.Length > 0;
}
