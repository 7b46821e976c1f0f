using System.Net;
using System.Text.Json;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Json;
using HostOps.Contracts.Security;
using HostOps.Nats.Auth;

namespace HostOps.Api.Tests.Agents;

/// <summary><c>POST /agent/leave</c>: an agent removes itself with a signature of its enrolled key, and nothing else does.</summary>
public sealed class LeaveEndpointTests(SharedApiWithoutAgent shared) : IClassFixture<SharedApiWithoutAgent>, IDisposable
{
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);
    private readonly string _keys = Directory.CreateTempSubdirectory("hostops-leave-").FullName;
    private readonly TestApi _api = shared.Api;

    public void Dispose() => Directory.Delete(_keys, recursive: true);

    [Fact]
    public async Task An_agent_signing_with_its_enrolled_key_is_removed()
    {
        var key = await EnrolledAsync("leaver1");

        using var response = await LeaveAsync(Request("leaver1", key, DateTimeOffset.UtcNow));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var gone = await _api.Client.SendAsync(HttpMethod.Get, "/agent/leaver1", Admin);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_key_a_forged_signature_or_an_old_signature_is_403_and_the_agent_stays()
    {
        var key = await EnrolledAsync("leaver2");
        var other = NkeySeedFile.LoadOrCreate(Path.Combine(_keys, "other.nk"));
        var now = DateTimeOffset.UtcNow;
        var genuine = Request("leaver2", key, now);

        (string Field, LeaveAgentRequest Request)[] refused =
        [
            ("signature", Request("leaver2", other, now) with { PublicKey = key.PublicKey }),
            ("signature", Request("leaver2", other, now)),
            ("signature", genuine with { SignedAt = now.AddSeconds(1) }),
            ("signed_at", Request("leaver2", key, now.AddMinutes(-6))),
        ];
        foreach (var (field, request) in refused)
        {
            using var response = await LeaveAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await response.ReadErrorAsync()).Details!.ShouldStartWith(field);
        }

        using var still = await _api.Client.SendAsync(HttpMethod.Get, "/agent/leaver2", Admin);
        still.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"public_key":"UAAA"}""", "hostname")]
    [InlineData("""{"hostname":"web1","public_key":"nope"}""", "public_key")]
    [InlineData("""{"hostname":"web1","public_key":"UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4","signature":"x"}""", "signed_at")]
    [InlineData("""{"hostname":"web1","public_key":"UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4","signed_at":"2026-11-30T00:00:00Z"}""", "signature")]
    public async Task Bad_input_is_400_naming_the_field(string body, string field)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/agent/leave", null, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details!.ShouldStartWith(field);
    }

    [Fact]
    public async Task An_agent_that_is_not_enrolled_is_404()
    {
        var key = NkeySeedFile.LoadOrCreate(Path.Combine(_keys, "stranger.nk"));

        using var response = await LeaveAsync(Request("stranger", key, DateTimeOffset.UtcNow));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<NkeySeedFile> EnrolledAsync(string hostname)
    {
        var key = NkeySeedFile.LoadOrCreate(Path.Combine(_keys, $"{hostname}.nk"));
        var body = JsonSerializer.Serialize(new EnrollAgentRequest(hostname, key.PublicKey, null, null, TestTokens.Join()), HostOpsJsonContext.Default.EnrollAgentRequest);
        using var enrolled = await _api.Client.SendAsync(HttpMethod.Post, "/agent/enroll", null, body);
        enrolled.StatusCode.ShouldBe(HttpStatusCode.OK);
        return key;
    }

    private static LeaveAgentRequest Request(string hostname, NkeySeedFile key, DateTimeOffset signedAt) =>
        new(hostname, key.PublicKey, signedAt, key.Sign(LeaveAgentRequest.SignedText(hostname, key.PublicKey, signedAt)));

    private Task<HttpResponseMessage> LeaveAsync(LeaveAgentRequest request) =>
        _api.Client.SendAsync(HttpMethod.Post, "/agent/leave", null, JsonSerializer.Serialize(request, HostOpsJsonContext.Default.LeaveAgentRequest));
}
