using System.Net;
using System.Runtime.Versioning;
using System.Text.Json;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Operations.Users;
using HostOps.Contracts.Security;
using HostOps.Providers;
using HostOps.Providers.Commands;
using HostOps.Testing.Agents;
using HostOps.Testing.Fixtures;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HostOps.Api.Tests.Operations;

/// <summary>
/// Creates a group and a user named <c>hostops-test-RANDOM</c> on this machine through the API and a real agent (real
/// useradd, gpasswd, authorized_keys), sets the user's password from a plaintext, adds and removes an SSH key, then
/// deletes both. Runs only where <c>CI=true</c> (a disposable machine, as root); both are removed whatever happens.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class AccountHostTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly ProcessCommandRunner _commands = new(NullLogger<ProcessCommandRunner>.Instance);
    private readonly string _name = "hostops-test-" + Guid.NewGuid().ToString("N")[..8];

    // Not the user's name: userdel removes a group named after the user with it (USERGROUPS_ENAB).
    private string Group => _name + "-g";

    [Fact]
    public async Task Creates_a_user_and_group_sets_a_password_and_a_key_then_deletes_them()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("CI") == "true", "changes this machine's users; runs only where CI=true");
        Assert.SkipUnless(File.Exists("/usr/sbin/useradd") && Environment.UserName == "root", "needs shadow-utils and root");

        await using var api = await TestApi.StartAsync(nats.Url, withAgent: false);
        var hostname = api.Factory.Configuration["job:worker:hostname"]!;
        await using var agent = await TestAgent.StartAsync(api.Factory.Configuration, hostname, configureServices: s => s.AddSingleton(new HostChangeGuard(() => true)));
        var target = $"?target_hostname={hostname}";
        var key = FixtureMachine.ReadText("debian12", "accounts/key-ed25519.pub").Trim();
        try
        {
            (await ChangeAsync(api, HttpMethod.Post, "/group" + target, $$"""{"name":"{{Group}}"}""")).Changed.ShouldBeTrue();
            var created = await ChangeAsync(api, HttpMethod.Post, "/user" + target, $$"""{"name":"{{_name}}","group":"{{Group}}","shell":"/bin/sh","comment":"HostOps test"}""");
            created.Changed.ShouldBeTrue();
            created.Item.GetProperty("user").GetProperty("home").GetString().ShouldBe($"/home/{_name}");
            (await ChangeAsync(api, HttpMethod.Post, "/user" + target, $$"""{"name":"{{_name}}","shell":"/bin/sh"}""")).Changed.ShouldBeFalse();
            (await ChangeAsync(api, HttpMethod.Put, $"/group/{Group}{target}", $$"""{"name":"{{Group}}","members":["{{_name}}"]}""")).Changed.ShouldBeTrue();
            (await ChangeAsync(api, HttpMethod.Put, $"/group/{Group}{target}", """{"members":[]}""")).Changed.ShouldBeTrue();

            (await ChangeAsync(api, HttpMethod.Put, $"/user/{_name}/password{target}", """{"password":"hostops test password"}""")).Changed.ShouldBeTrue();
            var hash = File.ReadAllLines("/etc/shadow").Single(l => l.StartsWith(_name + ":", StringComparison.Ordinal)).Split(':')[1];
            hash.ShouldBe(Sha512Crypt.Hash("hostops test password", hash.Split('$')[2]));

            (await ChangeAsync(api, HttpMethod.Post, $"/user/{_name}/ssh-key{target}", JsonSerializer.Serialize(new Dictionary<string, string> { ["key"] = key }))).Changed.ShouldBeTrue();
            (await ChangeAsync(api, HttpMethod.Post, $"/user/{_name}/ssh-key{target}", JsonSerializer.Serialize(new Dictionary<string, string> { ["key"] = key }))).Changed.ShouldBeFalse();
            var file = $"/home/{_name}/.ssh/authorized_keys";
            File.ReadAllText(file).ShouldBe(key + "\n");
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            (await _commands.RunAsync("stat", ["-c", "%U:%G %a", file, Path.GetDirectoryName(file)!], Ct)).StandardOutput.ShouldBe($"{_name}:{Group} 600\n{_name}:{Group} 700\n");
            var fingerprint = (await _commands.RunAsync("ssh-keygen", ["-lf", file], Ct)).StandardOutput.Split(' ')[1];
            using (var list = await api.Client.SendAsync(HttpMethod.Get, $"/user/{_name}/ssh-key{target}", Admin))
            {
                (await list.ReadJsonAsync()).GetProperty("results")[0].GetProperty("keys")[0].GetProperty("fingerprint").GetString().ShouldBe(fingerprint);
            }

            var urlSafe = fingerprint["SHA256:".Length..].Replace('/', '_').Replace('+', '-');
            (await ChangeAsync(api, HttpMethod.Delete, $"/user/{_name}/ssh-key/{urlSafe}{target}")).Changed.ShouldBeTrue();
            File.ReadAllText(file).ShouldBeEmpty();

            (await ChangeAsync(api, HttpMethod.Delete, $"/user/{_name}{target}&remove_home=true")).Changed.ShouldBeTrue();
            (await ChangeAsync(api, HttpMethod.Delete, $"/user/{_name}{target}")).Changed.ShouldBeFalse();
            Directory.Exists($"/home/{_name}").ShouldBeFalse();
            (await ChangeAsync(api, HttpMethod.Delete, $"/group/{Group}{target}")).Changed.ShouldBeTrue();
        }
        finally
        {
            await _commands.RunAsync("userdel", ["-r", _name], CancellationToken.None);
            await _commands.RunAsync("groupdel", [Group], CancellationToken.None);
        }

        (await _commands.RunAsync("getent", ["passwd", _name], Ct)).Succeeded.ShouldBeFalse();
        (await _commands.RunAsync("getent", ["group", Group], Ct)).Succeeded.ShouldBeFalse();
    }

    private static async Task<(bool Changed, JsonElement Item)> ChangeAsync(TestApi api, HttpMethod method, string path, string? body = null)
    {
        using var response = await api.Client.SendAsync(method, path, Admin, body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var item = JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("status").GetString().ShouldBe("ok", text);
        return (item.GetProperty("changed").GetBoolean(), item.Clone());
    }
}
