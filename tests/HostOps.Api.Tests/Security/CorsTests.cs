using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Testing.Nats;

namespace HostOps.Api.Tests.Security;

public sealed class CorsTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private const string Dashboard = "https://dash.example.com";

    [Fact]
    public async Task A_configured_origin_gets_cors_headers_and_preflight_answers()
    {
        await using var api = await TestApi.StartAsync(nats.Url, withAgent: false, new Dictionary<string, string?>
        {
            ["api:server:security:cors:allow_origins:0"] = Dashboard,
        });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Origin", Dashboard);
        using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Dashboard]);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/job");
        preflight.Headers.Add("Origin", Dashboard);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var answer = await api.Client.SendAsync(preflight, TestContext.Current.CancellationToken);
        answer.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        answer.Headers.GetValues("Access-Control-Allow-Methods").ShouldContain("POST");

        using var stranger = new HttpRequestMessage(HttpMethod.Get, "/health");
        stranger.Headers.Add("Origin", "https://evil.example.com");
        using var refused = await api.Client.SendAsync(stranger, TestContext.Current.CancellationToken);
        refused.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Without_configured_origins_no_cors_headers_are_sent()
    {
        await using var api = await TestApi.StartAsync(nats.Url, withAgent: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Origin", Dashboard);
        using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }
}
