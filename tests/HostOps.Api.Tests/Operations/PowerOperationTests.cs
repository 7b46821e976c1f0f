using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Operations;

/// <summary>The power endpoints: admin only, their input rules, and an answer per host (canned: nothing reboots).</summary>
public sealed class PowerOperationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);
    private readonly TestApi _api = shared.Api;

    [Theory]
    [InlineData("/power/reboot", """{"delay":4}""", "delay: 4 is out of range (5-3600 seconds)")]
    [InlineData("/power/shutdown", """{"delay":3601}""", "delay: 3601 is out of range (5-3600 seconds)")]
    [InlineData("/power/reboot", """{"delay":"soon"}""", "delay: has the wrong type")]
    [InlineData("/power/reboot", """{"message":"line\nbreak"}""", "message: must be printable")]
    [InlineData("/power/shutdown", """{"message":"\u0007bell"}""", "message: must be printable")]
    [InlineData("/power/reboot?when=now", null, "when: unknown query parameter")]
    public async Task Bad_input_is_400_naming_the_field(string path, string? body, string details)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, path, Admin, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith(details);
    }

    [Fact]
    public async Task A_message_over_200_characters_is_400()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/power/reboot", Admin, $$"""{"message":"{{new string('m', 201)}}"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details.ShouldBe("message: 201 characters, the limit is 200");
    }

    [Theory]
    [InlineData("/power/reboot", Scopes.Write)]
    [InlineData("/power/shutdown", Scopes.Write)]
    [InlineData("/power/reboot", Scopes.Read)]
    public async Task Anything_less_than_admin_is_403(string path, string role)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, path, TestTokens.ForRole(role), """{"dry_run":true}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/power/reboot", """{"delay":300,"message":"kernel update"}""", true)]
    [InlineData("/power/shutdown", """{"dry_run":true}""", false)]
    [InlineData("/power/shutdown", null, true)]
    public async Task An_admin_gets_an_answer_per_host(string path, string? body, bool changed)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, path, Admin, body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var item = (await response.ReadJsonAsync()).GetProperty("results")[0];
        item.GetProperty("hostname").GetString().ShouldBe(_api.AgentHostname);
        item.GetProperty("changed").GetBoolean().ShouldBe(changed);
    }
}
