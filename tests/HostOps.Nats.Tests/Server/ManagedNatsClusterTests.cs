using HostOps.Nats.Configuration;
using HostOps.Nats.Server;
using HostOps.Testing;
using HostOps.Testing.Nats;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Shouldly;
using Xunit;

namespace HostOps.Nats.Tests.Server;

/// <summary>Managed servers with <c>nats.server.cluster</c> form one NATS cluster whose replicated streams outlive a lost server.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ManagedNatsClusterTests
{
    [Fact]
    public async Task Three_servers_keep_an_R3_stream_writable_with_one_killed_and_catch_it_up_after_its_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await ManagedNatsCluster.StartAsync(3, ct);
        await using var nats = await cluster.ConnectAsync();
        var js = new NatsJSContext(nats);
        var stream = await Eventually.GetAsync(
            () => TryCreateAsync(js, ct), s => s is not null, TimeSpan.FromSeconds(30), "an R3 stream created once the cluster has a quorum");
        stream!.Info.Config.NumReplicas.ShouldBe(3);
        await js.PublishAsync("cluster-test.1", 1, cancellationToken: ct);

        await cluster.KillAsync(2);
        var lost = ManagedNatsCluster.ServerName(2);
        for (var i = 2; i <= 10; i++)
        {
            (await Eventually.GetAsync(() => TryPublishAsync(js, i, ct), ok => ok, TimeSpan.FromSeconds(15), "a write with one server lost")).ShouldBeTrue();
        }

        await Eventually.TrueAsync(
            async () => (await js.GetStreamAsync("CLUSTERTEST", cancellationToken: ct)).Info.Cluster?.Replicas?.Any(r => r.Name == lost && !r.Current) == true,
            TimeSpan.FromSeconds(15),
            "the lost server reported as not current");

        await cluster.RestartAsync(2, ct);
        await Eventually.TrueAsync(
            async () => (await js.GetStreamAsync("CLUSTERTEST", cancellationToken: ct)).Info is { State.Messages: 10, Cluster.Replicas: { Count: 2 } replicas } && replicas.All(r => r.Current),
            TimeSpan.FromSeconds(30),
            "every replica current again after the restart");
    }

    [Fact]
    public void Routes_carry_the_cluster_secret_and_beyond_loopback_speak_TLS()
    {
        var options = new NatsServerOptions
        {
            Host = "127.0.0.1",
            Port = 4222,
            Name = "n1",
            Cluster = new NatsClusterOptions { Name = "prod", Host = "10.1.2.3", Port = 6222, Routes = ["10.1.2.4:6222", "nats-route://old:pw@10.1.2.5:6222/"] },
        };
        var tls = new HostOps.Nats.Tls.HostOpsCa("/d/tls/ca.pem", "/d/tls/server.pem", "/d/tls/server-key.pem");

        var text = NatsServerConfigFile.Render(options, "/d/nats", [], tls, "s3cret");

        text.ShouldContain("server_name: \"n1\"");
        text.ShouldContain("listen: \"10.1.2.3:6222\"");
        text.ShouldContain("authorization { user: \"hostops-route\", password: \"s3cret\"");
        text.ShouldContain("\"nats-route://hostops-route:s3cret@10.1.2.4:6222\", \"nats-route://hostops-route:s3cret@10.1.2.5:6222\"");
        text.ShouldContain("ca_file: \"/d/tls/ca.pem\"");
        text.ShouldNotContain("tls { cert_file: \"/d/tls/server.pem\", key_file: \"/d/tls/server-key.pem\", timeout: 2 }"); // clients stay on loopback, plain
        Should.Throw<ArgumentNullException>(() => NatsServerConfigFile.Render(options, "/d/nats", [], tls, clusterSecret: null));
    }

    private static async Task<INatsJSStream?> TryCreateAsync(NatsJSContext js, CancellationToken ct)
    {
        try
        {
            return await js.CreateOrUpdateStreamAsync(new StreamConfig("CLUSTERTEST", ["cluster-test.>"]) { NumReplicas = 3 }, ct);
        }
        catch (Exception e) when (e is NATS.Client.Core.NatsException or TimeoutException)
        {
            return null;
        }
    }

    private static async Task<bool> TryPublishAsync(NatsJSContext js, int value, CancellationToken ct)
    {
        try
        {
            (await js.PublishAsync($"cluster-test.{value}", value, opts: new NatsJSPubOpts { MsgId = $"m{value}" }, cancellationToken: ct)).EnsureSuccess();
            return true;
        }
        catch (Exception e) when (e is NATS.Client.Core.NatsException or TimeoutException)
        {
            return false;
        }
    }
}
