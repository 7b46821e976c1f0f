using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Client;
using HostOps.Contracts.Operations.Files;
using HostOps.Contracts.Security;
using HostOps.Testing.Agents;
using HostOps.Testing.Fixtures;

namespace HostOps.Api.Tests.Files;

/// <summary>
/// Files on hosts through the API and real agents whose file root is a temporary machine each: a stored file
/// deployed to three agents lands with one sha256, a second deploy changes nothing, and inline writes, reads and
/// deletes work end to end (<see cref="FileHosts"/>).
/// </summary>
public sealed class FileDeployTests(FileHosts hosts) : IClassFixture<FileHosts>
{
    private static readonly string Writer = TestTokens.ForRole(Scopes.Write);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestApi Api => hosts.Api;

    private HostOpsApiClient Client => hosts.Client;

    private List<TempMachine> Machines => hosts.Machines;

    private IReadOnlyList<TestAgent> Agents => hosts.Agents;

    [Fact]
    public async Task A_stored_file_deployed_to_three_agents_lands_with_one_sha256_and_then_changes_nothing()
    {
        var content = RandomNumberGenerator.GetBytes(1024 * 1024);
        var stored = await Client.UploadFileAsync("app.bin", new MemoryStream(content), Ct);
        var deploy = new FileDeployRequest { Name = "app.bin", Path = "/etc/app/app.bin", Mode = "0640" };

        var first = await Client.RunAsync(FileOperations.Deploy, deploy, "_all", Ct);
        var second = await Client.RunAsync(FileOperations.Deploy, deploy, "_all", Ct);

        first.Results.Count.ShouldBe(3);
        first.Results.ShouldAllBe(r => r.Status == "ok" && r.Changed && r.Sha256 == stored.Sha256 && r.Mode == "0640");
        second.Results.ShouldAllBe(r => r.Status == "ok" && !r.Changed && r.Sha256 == stored.Sha256);
        foreach (var machine in Machines)
        {
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(machine.PathOf("/etc/app/app.bin")))).ShouldBe(stored.Sha256);
        }
    }

    [Fact]
    public async Task Deploying_a_file_that_is_not_stored_fails_on_every_host_with_502()
    {
        using var response = await Api.Client.SendAsync(HttpMethod.Post, "/file/missing/deploy?target_hostname=_all", Writer, """{"path":"/etc/app/x"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldContain("no stored file named missing");
        Machines.ShouldAllBe(m => !File.Exists(m.PathOf("/etc/app/x")));
    }

    [Fact]
    public async Task Writes_reads_stats_and_deletes_a_file_through_the_api()
    {
        var target = Agents[0].Hostname;
        var write = await Put($"/fs/content?target_hostname={target}", """{"path":"/etc/app/motd","content":"hello\n","mode":"0600"}""");
        var again = await Put($"/fs/content?target_hostname={target}", """{"path":"/etc/app/motd","content":"hello\n","mode":"0600"}""");
        var read = await Get($"/fs/content?path=/etc/app/motd&target_hostname={target}");
        var stat = await Get($"/fs/stat?path=/etc/app/motd&target_hostname={target}");
        using var deleted = await Api.Client.SendAsync(HttpMethod.Delete, $"/fs?path=/etc/app/motd&target_hostname={target}", Writer);

        write.GetProperty("changed").GetBoolean().ShouldBeTrue();
        again.GetProperty("changed").GetBoolean().ShouldBeFalse();
        var sha256 = write.GetProperty("sha256").GetString();
        Convert.FromBase64String(read.GetProperty("content").GetString()!).ShouldBe("hello\n"u8.ToArray());
        read.GetProperty("sha256").GetString().ShouldBe(sha256);
        (stat.GetProperty("mode").GetString(), stat.GetProperty("sha256").GetString()).ShouldBe(("0600", sha256));
        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        File.Exists(Machines[0].PathOf("/etc/app/motd")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_write_from_a_stored_file_takes_the_deploy_path()
    {
        var stored = await Client.UploadFileAsync("conf", new MemoryStream("a = 1\n"u8.ToArray()), Ct);

        var item = await Put($"/fs/content?target_hostname={Agents[1].Hostname}", """{"path":"/etc/app/conf","file":"conf"}""");

        item.GetProperty("sha256").GetString().ShouldBe(stored.Sha256);
        File.ReadAllText(Machines[1].PathOf("/etc/app/conf")).ShouldBe("a = 1\n");
    }

    [Fact]
    public async Task A_path_outside_the_allow_list_fails_on_the_host_and_writes_nothing()
    {
        using var response = await Api.Client.SendAsync(
            HttpMethod.Put, $"/fs/content?target_hostname={Agents[2].Hostname}", Writer, """{"path":"/home/user/.ssh/authorized_keys","content":"x"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldContain("outside the directories this agent allows");
        File.Exists(Machines[2].PathOf("/home/user/.ssh/authorized_keys")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("PUT", "/fs/content", """{"path":"etc/app/x","content":"x"}""", "path: 'etc/app/x' is not an absolute path")]
    [InlineData("PUT", "/fs/content", """{"path":"/etc/app/../../root/x","content":"x"}""", "path: '/etc/app/../../root/x' is not normalised")]
    [InlineData("PUT", "/fs/content", """{"path":"/etc/app/x"}""", "content: give exactly one of content")]
    [InlineData("PUT", "/fs/content", """{"path":"/etc/app/x","content":"x","mode":"999"}""", "mode: '999' is not an octal mode")]
    [InlineData("PUT", "/fs/content", """{"path":"/etc/app/x","content":"x","owner":"-rf"}""", "owner: '-rf' is not a user or group name")]
    [InlineData("PUT", "/fs/content", """{"path":"/etc/app/x","content":"!!","encoding":"base64"}""", "content: is not valid base64")]
    [InlineData("GET", "/fs/stat?path=relative", null, "path: 'relative' is not an absolute path")]
    [InlineData("GET", "/fs/content?path=/etc/./x", null, "path: '/etc/./x' is not normalised")]
    [InlineData("DELETE", "/fs?path=/etc/app/", null, "path: '/etc/app/' names a directory")]
    [InlineData("POST", "/file/.hidden/deploy", """{"path":"/etc/app/x"}""", "name: '.hidden' is not a valid stored file name")]
    public async Task Bad_input_is_400_naming_the_field(string method, string path, string? body, string details)
    {
        using var response = await Api.Client.SendAsync(new HttpMethod(method), path, Writer, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith(details);
    }

    private async Task<JsonElement> Put(string path, string body)
    {
        using var response = await Api.Client.SendAsync(HttpMethod.Put, path, Writer, body);
        return await ItemAsync(response);
    }

    private async Task<JsonElement> Get(string path)
    {
        using var response = await Api.Client.SendAsync(HttpMethod.Get, path, Writer);
        return await ItemAsync(response);
    }

    private static async Task<JsonElement> ItemAsync(HttpResponseMessage response)
    {
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        var item = json.GetProperty("results").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("status").GetString().ShouldBe("ok", item.ToString());
        return item;
    }
}
