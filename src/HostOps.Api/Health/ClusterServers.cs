using HostOps.Contracts.Health;

namespace HostOps.Api.Health;

/// <summary>
/// The servers of the NATS cluster, as far as JetStream shows them: a server is up when it is the API's own server,
/// leads a stream or holds a current replica. Every server named once is remembered while the API runs, so one that
/// vanished from every report (down, with the streams it led not answering) is still listed, as down.
/// </summary>
internal sealed class ClusterServers
{
    // nats-server's placeholder for a peer it has not yet heard the name of.
    private const string UnknownNamePrefix = "Server name unknown";

    private readonly Lock _gate = new();
    private readonly SortedSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The cluster as one round of stream readings shows it, with every server seen so far.</summary>
    public NatsCluster Observe(string clusterName, string? connectedServer, IEnumerable<StreamCluster> streams)
    {
        var up = new HashSet<string>(StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(connectedServer))
        {
            up.Add(connectedServer);
        }

        foreach (var stream in streams)
        {
            if (stream.Leader.Length > 0)
            {
                up.Add(stream.Leader);
            }

            foreach (var replica in stream.Replicas.Where(r => !r.Name.StartsWith(UnknownNamePrefix, StringComparison.Ordinal)))
            {
                named.Add(replica.Name);
                if (replica.Current)
                {
                    up.Add(replica.Name);
                }
            }
        }

        lock (_gate)
        {
            _seen.UnionWith(up);
            _seen.UnionWith(named);
            return new NatsCluster(clusterName, [.. _seen.Select(name => new NatsClusterServer(name, up.Contains(name)))]);
        }
    }
}
