using System.Net;
using System.Text.Json;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using HostOps.Providers;
using HostOps.Providers.Commands;
using HostOps.Testing.Agents;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HostOps.Api.Tests.Operations;

/// <summary>
/// Installs and removes the small Debian package <c>hello</c> on this machine through the API and a real agent (real
/// providers, host changes allowed as <c>HOSTOPS_ALLOW_HOST_CHANGES=1</c> allows them). Runs only where
/// <c>CI=true</c> (a disposable machine, as root); <c>hello</c> is removed again whatever happens.
/// </summary>
public sealed class PackageHostTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private const string Package = "hello";
    private static readonly string Writer = TestTokens.ForRole(Scopes.Write);
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly ProcessCommandRunner _commands = new(NullLogger<ProcessCommandRunner>.Instance, TimeSpan.FromMinutes(10));

    [Fact]
    public async Task Installs_and_removes_hello_once_each()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("CI") == "true", "changes this machine's packages; runs only where CI=true");
        Assert.SkipUnless(File.Exists("/usr/bin/apt-get") && Environment.UserName == "root", "needs a Debian or Ubuntu machine and root");
        Assert.SkipWhen(await InstalledAsync(), $"{Package} is installed already; this test installs it and removes it again");
        await EnsureCandidateAsync();

        await using var api = await TestApi.StartAsync(nats.Url, withAgent: false, new Dictionary<string, string?> { ["api:server:job_timeout"] = "10m" });
        var hostname = api.Factory.Configuration["job:worker:hostname"]!;
        await using var agent = await TestAgent.StartAsync(api.Factory.Configuration, hostname, configureServices: s => s.AddSingleton(new HostChangeGuard(() => true)));
        try
        {
            (await ChangeAsync(api, HttpMethod.Post, $"/package?target_hostname={hostname}", $$"""{"name":"{{Package}}"}""")).ShouldBeTrue();
            (await InstalledAsync()).ShouldBeTrue();
            (await ChangeAsync(api, HttpMethod.Post, $"/package?target_hostname={hostname}", $$"""{"name":"{{Package}}"}""")).ShouldBeFalse();
            (await ChangeAsync(api, HttpMethod.Delete, $"/package/{Package}?target_hostname={hostname}")).ShouldBeTrue();
            (await InstalledAsync()).ShouldBeFalse();
            (await ChangeAsync(api, HttpMethod.Delete, $"/package/{Package}?target_hostname={hostname}")).ShouldBeFalse();
        }
        finally
        {
            await _commands.RunAsync("apt-get", ["remove", "-y", "-q", "--", Package], new CommandOptions { Environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" } }, CancellationToken.None);
        }
    }

    private static async Task<bool> ChangeAsync(TestApi api, HttpMethod method, string path, string? body = null)
    {
        using var response = await api.Client.SendAsync(method, path, Writer, body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var item = JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("status").GetString().ShouldBe("ok", text);
        return item.GetProperty("changed").GetBoolean();
    }

    private async Task<bool> InstalledAsync()
    {
        var result = await _commands.RunAsync("dpkg-query", ["-W", "-f=${db:Status-Abbrev}", "--", Package], Ct);
        return result.Succeeded && result.StandardOutput.StartsWith("ii", StringComparison.Ordinal);
    }

    // A fresh machine may never have fetched the package lists: then apt knows no version of hello to install.
    private async Task EnsureCandidateAsync()
    {
        var policy = await _commands.RunAsync("apt-cache", ["policy", "--", Package], Ct);
        if (!policy.StandardOutput.Contains("Candidate:", StringComparison.Ordinal) || policy.StandardOutput.Contains("Candidate: (none)", StringComparison.Ordinal))
        {
            (await _commands.RunAsync("apt-get", ["update", "-q"], Ct)).Succeeded.ShouldBeTrue("apt-get update failed");
        }
    }
}
