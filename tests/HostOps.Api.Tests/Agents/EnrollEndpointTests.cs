using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Security;
using HostOps.Nats.Auth;
using HostOps.Testing.Nats;

namespace HostOps.Api.Tests.Agents;

/// <summary><c>POST /agent/enroll</c> and the admin's decisions, against a real NATS (no managed server: the bucket is what counts).</summary>
public sealed class EnrollEndpointTests(SharedApi shared) : IClassFixture<SharedApi>, IDisposable
{
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);
    private readonly string _keys = Directory.CreateTempSubdirectory("hostops-enroll-").FullName;
    private readonly TestApi _api = shared.Api;

    // The tests share one API and its agent registry: each enrolls hostnames of its own.
    private readonly string _web1 = NatsFixture.UniqueName("web");
    private readonly string _web2 = NatsFixture.UniqueName("web");
    private readonly string _web3 = NatsFixture.UniqueName("web");

    public void Dispose() => Directory.Delete(_keys, recursive: true);

    [Theory]
    [InlineData("""{"public_key":"UAAA"}""", "hostname")]
    [InlineData("""{"hostname":"-bad","public_key":"UAAA"}""", "hostname")]
    [InlineData("""{"hostname":"web1","public_key":"not-a-key"}""", "public_key")]
    [InlineData("""{"hostname":"web1"}""", "public_key")]
    public async Task Bad_input_is_400_naming_the_field(string body, string field)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/agent/enroll", null, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details!.ShouldStartWith(field);
    }

    [Fact]
    public async Task A_bearer_token_or_a_token_of_another_control_plane_is_no_join_token()
    {
        var otherPlane = new JwtIssuer(TestTokens.OtherKey).Issue(new TokenRequest("join", [], [], TimeSpan.FromHours(1), TokenAudiences.Join));
        foreach (var token in new[] { Admin, otherPlane, "hj1.garbage" })
        {
            using var response = await EnrollAsync(_web1, Key(_web1), token);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await response.ReadErrorAsync()).Details!.ShouldStartWith("join_token");
        }
    }

    [Fact]
    public async Task A_join_token_admits_once_and_grants_its_labels()
    {
        var token = TestTokens.Join(new Dictionary<string, string> { ["group"] = "web" });

        using var first = await EnrollAsync(_web1, Key(_web1), token);
        using var second = await EnrollAsync(_web2, Key(_web2), token);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = await first.ReadJsonAsync();
        accepted.GetProperty("state").GetString().ShouldBe(AgentStates.Accepted);
        accepted.GetProperty("labels").GetProperty("group").GetString().ShouldBe("web");
        accepted.GetProperty("inbox_prefix").GetString().ShouldBe($"_INBOX_{_web1}");
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.ReadErrorAsync()).Details!.ShouldContain("already been used");
    }

    [Fact]
    public async Task Without_a_token_an_agent_is_pending_until_accepted_and_a_taken_name_needs_a_token()
    {
        var key = Key(_web3);
        using var pending = await EnrollAsync(_web3, key, null);
        pending.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        using var listed = await _api.Client.SendAsync(HttpMethod.Get, "/agent/pending", Admin);
        (await listed.ReadJsonAsync()).GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("hostname").GetString()).ShouldContain(_web3);
        using var accept = await _api.Client.SendAsync(HttpMethod.Post, $"/agent/{_web3}/accept", Admin);
        accept.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var again = await EnrollAsync(_web3, key, null);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var impostor = await EnrollAsync(_web3, Key("impostor"), null);
        impostor.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var removed = await _api.Client.SendAsync(HttpMethod.Delete, $"/agent/{_web3}", Admin);
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var gone = await _api.Client.SendAsync(HttpMethod.Get, $"/agent/{_web3}", Admin);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private string Key(string name) => NkeySeedFile.LoadOrCreate(Path.Combine(_keys, $"{name}.nk")).PublicKey;

    private Task<HttpResponseMessage> EnrollAsync(string hostname, string publicKey, string? joinToken)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(
            new EnrollAgentRequest(hostname, publicKey, null, null, joinToken), Contracts.Json.HostOpsJsonContext.Default.EnrollAgentRequest);
        return _api.Client.SendAsync(HttpMethod.Post, "/agent/enroll", null, body);
    }
}
