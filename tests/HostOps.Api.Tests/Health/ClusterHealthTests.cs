using System.Net;
using System.Text.Json;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using HostOps.Testing.Nats;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace HostOps.Api.Tests.Health;

/// <summary>
/// <c>GET /health/status</c> against three managed nats-servers forming a cluster with R3 streams and buckets: it
/// names every server up or down and each stream's leader, stays 200 with one server lost and is 503 with two.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClusterHealthTests : IAsyncLifetime
{
    private static readonly TimeSpan FailoverWithin = TimeSpan.FromSeconds(30);

    private ManagedNatsCluster _cluster = null!;
    private TestApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _cluster = await ManagedNatsCluster.StartAsync(3, TestContext.Current.CancellationToken);
        await WaitForQuorumAsync();
        _api = await TestApi.StartAsync(_cluster.Urls, settings: new Dictionary<string, string?>
        {
            ["nats:nkey_file"] = _cluster.Api.Path,
            ["job:stream:replicas"] = "3",
            ["job:dlq:replicas"] = "3",
            ["job:kv:replicas"] = "3",
            ["job:registry:replicas"] = "3",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Every_server_and_leader_is_shown_one_lost_server_is_down_but_ok_and_two_lost_are_503_degraded()
    {
        var all = Enumerable.Range(0, _cluster.Size).Select(ManagedNatsCluster.ServerName).ToList();

        var (_, healthy) = await StatusAsync(
            r => r.Code == HttpStatusCode.OK && Servers(r.Body).Count(s => s.Up) == 3, "200 with every server up");
        var cluster = healthy.GetProperty("nats").GetProperty("cluster");
        cluster.GetProperty("name").GetString().ShouldBe("hostops-test");
        Servers(healthy).ShouldBe(all.Select(n => (n, true)));
        foreach (var stream in Replicated(healthy))
        {
            var leader = Leader(stream);
            all.ShouldContain(leader);
            var replicas = stream.GetProperty("cluster").GetProperty("replicas").EnumerateArray().ToList();
            replicas.Select(r => r.GetProperty("name").GetString()).ShouldBe(all.Where(n => n != leader), ignoreOrder: true);
            replicas.ShouldAllBe(r => r.GetProperty("current").GetBoolean());
        }

        var firstLost = Leader(healthy.GetProperty("streams")[0]);
        await _cluster.KillAsync(Index(firstLost));
        var (_, oneLost) = await StatusAsync(
            r => r.Code == HttpStatusCode.OK && Servers(r.Body).Contains((firstLost, false)) && Replicated(r.Body).All(s => Leader(s) != firstLost),
            $"200 with {firstLost} down and every stream led by another server");
        Servers(oneLost).ShouldBe(all.Select(n => (n, n != firstLost)));
        oneLost.GetProperty("status").GetString().ShouldBe("ok");

        var secondLost = Leader(oneLost.GetProperty("streams")[0]);
        await _cluster.KillAsync(Index(secondLost));
        var (_, twoLost) = await StatusAsync(
            r => r.Code == HttpStatusCode.ServiceUnavailable && Servers(r.Body).Count(s => !s.Up) == 2,
            $"503 with {firstLost} and {secondLost} down");
        twoLost.GetProperty("status").GetString().ShouldBe("degraded");
        var survivor = all.Single(n => n != firstLost && n != secondLost);
        Servers(twoLost).ShouldBe(all.Select(n => (n, n == survivor)));
        var jetstream = twoLost.GetProperty("components").GetProperty("jetstream");
        jetstream.GetProperty("status").GetString().ShouldBe("error");
        jetstream.GetProperty("error").GetString()!.ShouldContain($"stream {_api.Factory.Configuration["job:stream:name"]}:");
        twoLost.GetProperty("components").GetProperty("kv").GetProperty("error").GetString()!
            .ShouldContain($"bucket {_api.Factory.Configuration["job:kv:bucket"]}:");

        await _cluster.RestartAsync(Index(firstLost), TestContext.Current.CancellationToken);
        await _cluster.RestartAsync(Index(secondLost), TestContext.Current.CancellationToken);
        await StatusAsync(r => r.Code == HttpStatusCode.OK && Servers(r.Body).All(s => s.Up), "200 with every server up again after the restarts");
    }

    private static int Index(string serverName) => int.Parse(serverName[1..], System.Globalization.CultureInfo.InvariantCulture) - 1;

    private static string Leader(JsonElement stream) => stream.GetProperty("cluster").GetProperty("leader").GetString()!;

    private static IEnumerable<JsonElement> Replicated(JsonElement body) =>
        body.GetProperty("streams").EnumerateArray().Concat(body.GetProperty("kv_buckets").EnumerateArray());

    private static List<(string Name, bool Up)> Servers(JsonElement body) =>
        body.TryGetProperty("nats", out var nats) && nats.TryGetProperty("cluster", out var cluster)
            ? [.. cluster.GetProperty("servers").EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("up").GetBoolean()))]
            : [];

    private async Task<(HttpStatusCode Code, JsonElement Body)> StatusAsync(Func<(HttpStatusCode Code, JsonElement Body), bool> done, string what) =>
        await Eventually.GetAsync(
            async () =>
            {
                using var response = await _api.Client.SendAsync(HttpMethod.Get, "/health/status", TestTokens.ForRole(Scopes.Read));
                return (response.StatusCode, await response.ReadJsonAsync());
            },
            done,
            FailoverWithin,
            what);

    // JetStream answers only once a quorum of the cluster elected a meta leader; an R3 stream is placed once all three joined.
    private async Task WaitForQuorumAsync()
    {
        await using var nats = await _cluster.ConnectAsync();
        var js = new NatsJSContext(nats);
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    await js.CreateStreamAsync(new StreamConfig("QUORUM", ["quorum-check"]) { NumReplicas = 3, Storage = StreamConfigStorage.Memory });
                    await js.DeleteStreamAsync("QUORUM");
                    return true;
                }
                catch (Exception e) when (e is NatsException or TimeoutException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30),
            "an R3 stream placed on the cluster");
    }
}
