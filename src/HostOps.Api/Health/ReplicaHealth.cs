using HostOps.Contracts.Health;
using NATS.Client.JetStream.Models;

namespace HostOps.Api.Health;

/// <summary>
/// What the health report makes of JetStream's view of a replicated stream (a bucket is one too): its leader, which
/// replicas are current, and whether it still has a quorum.
/// </summary>
internal static class ReplicaHealth
{
    /// <summary>
    /// A replica not heard from for this long is not current, whatever else it last said. A live replica answers its
    /// leader at least every second; nats-server 2.9 keeps calling a killed one current for 10 s and never offline.
    /// </summary>
    public static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(3);

    public static StreamCluster Of(ClusterInfo info) =>
        new(info.Leader ?? "", [.. (info.Replicas ?? []).Select(r => new StreamReplica(r.Name, r.Current && !r.Offline && r.Active < SilenceLimit))]);

    /// <summary>Null while <paramref name="cluster"/> has a leader and a majority current; otherwise why not, naming <paramref name="what"/>.</summary>
    public static string? QuorumProblem(string what, StreamCluster? cluster)
    {
        if (cluster is null)
        {
            return null;
        }

        if (cluster.Leader.Length == 0)
        {
            return $"{what}: no leader";
        }

        var members = cluster.Replicas.Count + 1;
        var current = cluster.Replicas.Count(r => r.Current) + 1;
        if (current > members / 2)
        {
            return null;
        }

        var lost = string.Join(", ", cluster.Replicas.Where(r => !r.Current).Select(r => r.Name));
        return $"{what}: no quorum, {current} of {members} servers current (leader {cluster.Leader}; not current: {lost})";
    }
}
