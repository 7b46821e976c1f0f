using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

/// <summary><c>hostops client user …</c>, <c>user ssh-key …</c> and <c>group …</c>, from their declarations.</summary>
public sealed class UserCommandTests
{
    private const string Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILfknQiJ6L+c28TuhOALNSsI0mVILLyQzuu0LYF1GEvR alice@laptop";
    private const string UserAnswer = """{"results":[{"hostname":"web1","status":"ok","changed":true,"user":{"name":"deploy","uid":1001}}]}""";

    [Fact]
    public async Task Create_takes_the_name_and_one_option_per_attribute()
    {
        var api = new StubApi().On("POST /user", HttpStatusCode.OK, UserAnswer);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "user", "create", "deploy", "--shell", "/bin/bash", "--groups", "adm", "--groups", "sudo", "--locked");

        code.ShouldBe(0, cli.Error.ToString());
        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"name":"deploy","groups":["adm","sudo"],"shell":"/bin/bash","locked":true,"dry_run":false}""");
    }

    [Fact]
    public async Task Password_reads_the_plaintext_from_standard_input_never_from_the_command_line()
    {
        var api = new StubApi().On("PUT /user/deploy/password", HttpStatusCode.OK, UserAnswer);
        using var cli = new CliRun(api);
        var previous = Console.In;
        Console.SetIn(new StringReader("s3cret words\n"));
        try
        {
            (await cli.RunAsync("client", "user", "password", "deploy", "--password-stdin")).ShouldBe(0, cli.Error.ToString());
        }
        finally
        {
            Console.SetIn(previous);
        }

        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"password":"s3cret words","dry_run":false}""");
        (await cli.RunAsync("client", "user", "password", "deploy", "--password", "s3cret")).ShouldBe(2);
    }

    [Fact]
    public async Task Password_takes_a_hash_and_refuses_neither()
    {
        var api = new StubApi().On("PUT /user/deploy/password", HttpStatusCode.OK, UserAnswer);
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "user", "password", "deploy")).ShouldBe(2);
        cli.Error.ToString().ShouldContain("--password-stdin: give either password or hash (not both)");
        (await cli.RunAsync("client", "user", "password", "deploy", "--hash", "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5")).ShouldBe(0, cli.Error.ToString());
        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"hash":"$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5","dry_run":false}""");
    }

    [Fact]
    public async Task Ssh_key_add_and_remove_take_the_key_and_the_fingerprint_as_ssh_keygen_prints_it()
    {
        var answer = """{"results":[{"hostname":"web1","status":"ok","changed":true,"user":"deploy","key":{"type":"ssh-ed25519","fingerprint":"SHA256:PLSOa8Tu4t2DUTapAL18BRd/bf3wDAiW6O40iloEhdU"}}]}""";
        var api = new StubApi()
            .On("POST /user/deploy/ssh-key", HttpStatusCode.OK, answer)
            .On("DELETE /user/deploy/ssh-key/SHA256%3APLSOa8Tu4t2DUTapAL18BRd%2Fbf3wDAiW6O40iloEhdU?dry_run=false", HttpStatusCode.OK, answer);
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "user", "ssh-key", "add", "deploy", Key)).ShouldBe(0, cli.Error.ToString());
        (await cli.RunAsync("client", "user", "ssh-key", "remove", "deploy", "SHA256:PLSOa8Tu4t2DUTapAL18BRd/bf3wDAiW6O40iloEhdU")).ShouldBe(0, cli.Error.ToString());

        System.Text.Json.JsonDocument.Parse(api.Requests[0].Body!).RootElement.GetProperty("key").GetString().ShouldBe(Key);
        api.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_malformed_key_exits_2_and_sends_nothing()
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "user", "ssh-key", "add", "deploy", "ssh-ed25519 AAAA")).ShouldBe(2);

        cli.Error.ToString().ShouldContain("KEY: the key's data is not an OpenSSH key blob");
        api.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Group_update_sets_the_members()
    {
        var api = new StubApi().On("PUT /group/deployers", HttpStatusCode.OK, """{"results":[{"hostname":"web1","status":"ok","changed":true,"group":{"name":"deployers","gid":2000,"members":["alice","bob"]}}]}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "group", "update", "deployers", "--members", "alice", "--members", "bob")).ShouldBe(0, cli.Error.ToString());

        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"members":["alice","bob"],"dry_run":false}""");
    }
}
