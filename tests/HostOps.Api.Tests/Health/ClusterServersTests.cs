using HostOps.Api.Health;
using HostOps.Contracts.Health;

namespace HostOps.Api.Tests.Health;

/// <summary>The cluster's servers as successive rounds of stream readings show them.</summary>
public sealed class ClusterServersTests
{
    [Fact]
    public void Leaders_current_replicas_and_the_connected_server_are_up_and_the_rest_down()
    {
        var cluster = new ClusterServers().Observe(
            "prod", "n4", [new StreamCluster("n1", [new("n2", true), new("n3", false)]), new StreamCluster("n2", [new("n1", true), new("n3", false)])]);

        cluster.Name.ShouldBe("prod");
        cluster.Servers.ShouldBe([new("n1", true), new("n2", true), new("n3", false), new("n4", true)]);
    }

    [Fact]
    public void A_server_seen_once_stays_listed_as_down_when_no_stream_names_it_any_more()
    {
        var servers = new ClusterServers();
        servers.Observe("prod", "n1", [new StreamCluster("n1", [new("n2", true), new("n3", true)])]);

        var later = servers.Observe("prod", "n1", [new StreamCluster("n1", [new("n2", true)])]);

        later.Servers.ShouldBe([new("n1", true), new("n2", true), new("n3", false)]);
    }

    [Fact]
    public void A_peer_whose_name_the_server_does_not_know_yet_is_not_listed()
    {
        var cluster = new ClusterServers().Observe(
            "prod", "n1", [new StreamCluster("n1", [new("Server name unknown at this time (peerID: S8aKuQ1q)", false)])]);

        cluster.Servers.ShouldBe([new NatsClusterServer("n1", true)]);
    }
}
