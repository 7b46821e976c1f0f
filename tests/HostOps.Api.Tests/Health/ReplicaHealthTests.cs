using HostOps.Api.Health;
using HostOps.Contracts.Health;
using NATS.Client.JetStream.Models;

namespace HostOps.Api.Tests.Health;

/// <summary>How a stream's cluster info from JetStream becomes leader, current replicas and the quorum verdict.</summary>
public sealed class ReplicaHealthTests
{
    [Fact]
    public void A_replica_is_current_only_while_caught_up_online_and_heard_from_within_the_silence_limit()
    {
        var info = new ClusterInfo
        {
            Name = "prod",
            Leader = "n1",
            Replicas =
            [
                new PeerInfo { Name = "n2", Current = true, Active = TimeSpan.FromMilliseconds(300) },
                new PeerInfo { Name = "n3", Current = true, Active = ReplicaHealth.SilenceLimit + TimeSpan.FromSeconds(1) },
                new PeerInfo { Name = "n4", Current = true, Offline = true, Active = TimeSpan.Zero },
                new PeerInfo { Name = "n5", Current = false, Active = TimeSpan.Zero },
            ],
        };

        var cluster = ReplicaHealth.Of(info);

        cluster.Leader.ShouldBe("n1");
        cluster.Replicas.ShouldBe([new("n2", true), new("n3", false), new("n4", false), new("n5", false)]);
    }

    [Fact]
    public void A_stream_has_a_quorum_while_a_majority_with_its_leader_is_current()
    {
        ReplicaHealth.QuorumProblem("stream JOBS", null).ShouldBeNull();
        ReplicaHealth.QuorumProblem("stream JOBS", new StreamCluster("n1", [])).ShouldBeNull();
        ReplicaHealth.QuorumProblem("stream JOBS", new StreamCluster("n1", [new("n2", true), new("n3", false)])).ShouldBeNull();

        ReplicaHealth.QuorumProblem("stream JOBS", new StreamCluster("n1", [new("n2", false), new("n3", false)]))
            .ShouldBe("stream JOBS: no quorum, 1 of 3 servers current (leader n1; not current: n2, n3)");
        ReplicaHealth.QuorumProblem("bucket job-queue", new StreamCluster("", [new("n2", true), new("n3", true)]))
            .ShouldBe("bucket job-queue: no leader");
    }
}
