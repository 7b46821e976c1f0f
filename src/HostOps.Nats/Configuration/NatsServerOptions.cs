using Microsoft.Extensions.Configuration;

namespace HostOps.Nats.Configuration;

/// <summary>The <c>nats:server:</c> section: the managed nats-server child process.</summary>
public sealed class NatsServerOptions
{
    public const string Section = "nats:server";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 4222;

    /// <summary>JetStream store; empty means <c>&lt;data_dir&gt;/nats</c>.</summary>
    [ConfigurationKeyName("store_dir")]
    public string StoreDir { get; set; } = "";

    /// <summary>The nats-server executable, looked up on PATH when not a path.</summary>
    public string Binary { get; set; } = "nats-server";

    /// <summary>The server's name (<c>server_name</c>), unique in a cluster; empty: this host's name and the port.</summary>
    public string Name { get; set; } = "";

    public NatsClusterOptions Cluster { get; set; } = new();

    /// <summary>The name the server runs under: <see cref="Name"/>, or this host's name and the client port.</summary>
    public string ServerName => Name.Length > 0 ? Name : $"{System.Net.Dns.GetHostName()}-{Port}";

    /// <summary>An operator's own certificate, key and CA; empty: HostOps' own beyond loopback.</summary>
    public NatsServerTlsOptions Tls { get; set; } = new();
}
