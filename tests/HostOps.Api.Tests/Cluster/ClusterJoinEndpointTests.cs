using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Nats.Auth;
using HostOps.Nats.Server;
using HostOps.Nats.Tls;
using HostOps.Testing.Nats;

namespace HostOps.Api.Tests.Cluster;

/// <summary><c>POST /cluster/join</c>: the material of the cluster, once per server join token, from the control plane's data directory.</summary>
public sealed class ClusterJoinEndpointTests(NatsFixture nats) : IClassFixture<NatsFixture>, IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("hostops-cluster-join-").FullName;
    private TestApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        var seed = NkeySeedFile.LoadOrCreate(Path.Combine(_dataDir, "identity", "api.nk"));
        ClusterSecret.Save(_dataDir, "route-secret");
        HostOpsCa.Ensure(_dataDir, ["10.9.8.7"]);
        _api = await TestApi.StartAsync(
            nats.Url,
            withAgent: false,
            settings: new Dictionary<string, string?>
            {
                ["nats:nkey_file"] = seed.Path,
                ["nats:server:cluster:name"] = "prod",
                ["nats:server:cluster:host"] = "10.9.8.7",
                ["nats:server:cluster:port"] = "6222",
                ["nats:server:cluster:routes:0"] = "10.9.8.8:6222",
            },
            services: s => s.AddClusterMaterial(_dataDir));
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task A_server_join_token_gets_the_material_once()
    {
        var token = TestTokens.ServerJoin();

        using var first = await JoinAsync(token);
        using var second = await JoinAsync(token);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var material = await first.ReadJsonAsync();
        material.GetProperty("cluster_name").GetString().ShouldBe("prod");
        material.GetProperty("routes").EnumerateArray().Select(r => r.GetString()).ShouldBe(["10.9.8.7:6222", "10.9.8.8:6222"]);
        material.GetProperty("control_plane_seed").GetString().ShouldBe(NkeySeedFile.Load(Path.Combine(_dataDir, "identity", "api.nk")).Seed);
        material.GetProperty("route_secret").GetString().ShouldBe("route-secret");
        material.GetProperty("ca_pem").GetString().ShouldBe(await File.ReadAllTextAsync(HostOpsCa.CaPathIn(_dataDir), TestContext.Current.CancellationToken));
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.ReadErrorAsync()).Details!.ShouldContain("already been used");
    }

    [Fact]
    public async Task An_agent_join_token_a_bearer_token_or_none_gets_nothing()
    {
        foreach (var (token, status, field) in new[]
        {
            (TestTokens.Join(), HttpStatusCode.Forbidden, "join_token"),
            (TestTokens.ForRole("admin"), HttpStatusCode.Forbidden, "join_token"),
            ((string?)null, HttpStatusCode.BadRequest, "join_token"),
        })
        {
            using var response = await JoinAsync(token);
            response.StatusCode.ShouldBe(status);
            (await response.ReadErrorAsync()).Details!.ShouldStartWith(field);
        }
    }

    private Task<HttpResponseMessage> JoinAsync(string? token) =>
        _api.Client.SendAsync(HttpMethod.Post, "/cluster/join", null, token is null ? "{}" : $$"""{"join_token":"{{token}}","server_name":"n2"}""");
}
