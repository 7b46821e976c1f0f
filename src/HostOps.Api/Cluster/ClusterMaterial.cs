using HostOps.Contracts.Cluster;
using HostOps.Jobs.Configuration;
using HostOps.Nats.Configuration;
using HostOps.Nats.Server;
using HostOps.Nats.Tls;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Cluster;

/// <summary>
/// What the servers of one NATS cluster share, as the API beside a clustered managed server reads it from the control
/// plane's data directory: the control plane's seed (<c>nats.nkey_file</c>), the routes' secret, HostOps' CA. Each
/// server join token is taken once; the ids of used ones are kept in <c>identity/server-joins.used</c>, a file,
/// because a server joins before the cluster has the quorum its buckets need.
/// </summary>
public sealed class ClusterMaterial(string dataDir, IOptions<NatsConnectionOptions> nats, IConfiguration configuration)
{
    private readonly Lock _gate = new();

    private string UsedPath => Path.Combine(dataDir, "identity", "server-joins.used");

    /// <summary>The material for a joining server; null when this API does not run beside a clustered server.</summary>
    public ServerJoinResponse? Read()
    {
        var server = configuration.GetSection(NatsServerOptions.Section).Get<NatsServerOptions>() ?? new NatsServerOptions();
        var secretPath = ClusterSecret.PathIn(dataDir);
        if (!server.Cluster.Enabled || !File.Exists(secretPath) || nats.Value.NkeyFile is not { Length: > 0 } seedPath || !File.Exists(seedPath))
        {
            return null;
        }

        var host = NatsServerConfigFile.ClusterHost(server);
        var own = host is "0.0.0.0" or "::" or "" ? [] : new[] { $"{host}:{server.Cluster.Port}" };
        var caPath = HostOpsCa.CaPathIn(dataDir);
        var caKeyPath = HostOpsCa.CaKeyPathIn(dataDir);
        var tls = File.Exists(caPath) && File.Exists(caKeyPath);
        return new ServerJoinResponse(
            server.Cluster.Name,
            [.. own.Concat(server.Cluster.Routes).Distinct(StringComparer.Ordinal)],
            Nats.Auth.NkeySeedFile.Load(seedPath).Seed,
            File.ReadAllText(secretPath).Trim(),
            tls ? File.ReadAllText(caPath) : null,
            tls ? File.ReadAllText(caKeyPath) : null);
    }

    /// <summary>Records the token id as used; false when it was used before.</summary>
    public bool TryUse(string tokenId)
    {
        lock (_gate)
        {
            if (File.Exists(UsedPath) && File.ReadLines(UsedPath).Contains(tokenId, StringComparer.Ordinal))
            {
                return false;
            }

            var used = File.Exists(UsedPath) ? File.ReadAllText(UsedPath) : "";
            Nats.Auth.NkeySeedFile.WritePrivate(UsedPath, used + tokenId + "\n");
            return true;
        }
    }
}
