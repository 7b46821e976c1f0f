using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Operations;

/// <summary>The package endpoints beyond what every declared operation gets: their input rules, scopes and routes.</summary>
public sealed class PackageOperationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private static readonly string Reader = TestTokens.ForRole(Scopes.Read);
    private static readonly string Writer = TestTokens.ForRole(Scopes.Write);
    private const string NameForm = "(1-128 of A-Z a-z 0-9 + . _ -, starting with a letter or digit)";
    private readonly TestApi _api = shared.Api;

    [Theory]
    [InlineData("GET", "/package?pattern=a%2Fb", null, "pattern: 'a/b' is not a valid pattern (1-128 of A-Z a-z 0-9 + . _ - and the wildcards * and ?)")]
    [InlineData("GET", "/package?patern=a", null, "patern: unknown query parameter (known: target_hostname, pattern)")]
    [InlineData("GET", "/package/-rf", null, $"name: '-rf' is not a valid package name {NameForm}")]
    [InlineData("GET", "/package/hello%3Breboot", null, $"name: 'hello;reboot' is not a valid package name {NameForm}")]
    [InlineData("POST", "/package", """{"name":"hello","version":"1 2","dry_run":true}""", "version: '1 2' is not a valid package version (1-128 of A-Z a-z 0-9 . + ~ : _ -, starting with a letter or digit)")]
    [InlineData("POST", "/package", """{"version":"1"}""", "name: is required")]
    [InlineData("POST", "/package", """{"name":"--purge"}""", $"name: '--purge' is not a valid package name {NameForm}")]
    [InlineData("DELETE", "/package/hello?dry_run=maybe", null, "dry_run: 'maybe' is not true or false")]
    [InlineData("DELETE", "/package/hello?purge=true", null, "purge: unknown query parameter (known: target_hostname, dry_run)")]
    [InlineData("DELETE", "/package/.hello", null, $"name: '.hello' is not a valid package name {NameForm}")]
    [InlineData("POST", "/package/update", """{"names":["bash","-y"]}""", $"names[1]: '-y' is not a valid package name {NameForm}")]
    [InlineData("POST", "/package/update", """{"names":"bash"}""", "names: has the wrong type")]
    public async Task Bad_input_is_400_naming_the_field(string method, string path, string? body, string details)
    {
        using var response = await _api.Client.SendAsync(new HttpMethod(method), path, Writer, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details.ShouldBe(details);
    }

    [Theory]
    [InlineData("POST", "/package", """{"name":"hello"}""")]
    [InlineData("DELETE", "/package/hello", null)]
    [InlineData("POST", "/package/update", "{}")]
    public async Task A_read_token_cannot_change_packages(string method, string path, string? body)
    {
        using var response = await _api.Client.SendAsync(new HttpMethod(method), path, Reader, body);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Install_answers_one_item_per_host()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/package", Writer, """{"name":"hello","version":"2.10-3"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .ShouldBe($$"""{"results":[{"hostname":"{{_api.AgentHostname}}","status":"ok","changed":true}]}""");
    }

    [Fact]
    public async Task A_dry_run_remove_travels_in_the_query()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Delete, "/package/libstdc++6?dry_run=true", Writer);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("results")[0].GetProperty("changed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Package_update_is_the_pending_upgrades_not_a_package_named_update()
    {
        var before = await OperationCountsAsync();

        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/package/update", Reader);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await OperationCountsAsync();
        after.GetValueOrDefault("package.updates.get").ShouldBe(before.GetValueOrDefault("package.updates.get") + 1);
        after.GetValueOrDefault("package.detail.get").ShouldBe(before.GetValueOrDefault("package.detail.get"));
    }

    [Fact]
    public async Task List_and_show_take_a_read_token()
    {
        using var list = await _api.Client.SendAsync(HttpMethod.Get, "/package?pattern=open*", Reader);
        using var show = await _api.Client.SendAsync(HttpMethod.Get, "/package/openssh-server", Reader);

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        show.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<Dictionary<string, int>> OperationCountsAsync()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/job/status", Reader);
        var counts = (await response.ReadJsonAsync()).GetProperty("operation_counts");
        return counts.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
    }
}
