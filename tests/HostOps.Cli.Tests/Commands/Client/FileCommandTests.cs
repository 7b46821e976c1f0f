using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

public sealed class FileCommandTests
{
    private const string Stored = """{"name":"motd","size":12,"sha256":"a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447","chunks":1,"modified":"2026-11-30T10:00:00+00:00"}""";

    [Fact]
    public async Task Upload_sends_the_file_under_its_own_name_and_prints_its_sha256()
    {
        var api = new StubApi().On("POST /file?name=motd", HttpStatusCode.Created, Stored);
        using var cli = new CliRun(api);
        var path = cli.WriteFile("motd", "hello world\n");

        var code = await cli.RunAsync("client", "file", "upload", path);

        code.ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldContain("Stored motd: 12 B, sha256 a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447");
        var body = api.Requests.ShouldHaveSingleItem().Body!;
        body.ShouldContain("filename=motd");
        body.ShouldContain("hello world");
    }

    [Fact]
    public async Task Upload_takes_another_name_and_refuses_a_bad_one_or_a_missing_file_before_sending()
    {
        var api = new StubApi().On("POST /file?name=motd-1.txt", HttpStatusCode.Created, Stored);
        using var cli = new CliRun(api);
        var path = cli.WriteFile("local file", "x");

        (await cli.RunAsync("client", "file", "upload", path, "--name", "motd-1.txt")).ShouldBe(0, cli.Error.ToString());

        (await cli.RunAsync("client", "file", "upload", path)).ShouldBe(2);
        cli.Error.ToString().ShouldContain("--name: 'local file' is not a valid stored file name");
        cli.Error.ToString().ShouldContain("give one with --name");
        cli.Error.ToString().ShouldContain("Usage: hostops client file upload");

        (await cli.RunAsync("client", "file", "upload", Path.Combine(cli.Directory, "absent"))).ShouldBe(2);
        cli.Error.ToString().ShouldContain("does not exist");

        api.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task List_and_show_print_tables_and_delete_says_what_it_removed()
    {
        var api = new StubApi()
            .On("GET /file", HttpStatusCode.OK, $$"""{"files":[{{Stored}}]}""")
            .On("GET /file/motd", HttpStatusCode.OK, Stored)
            .On("DELETE /file/motd", HttpStatusCode.NoContent, "");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "file", "list")).ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldContain("│ motd │ 12 B │ 2026-11-30 10:00:00Z │ a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447 │");
        cli.Output.ToString().ShouldContain("1 files");

        (await cli.RunAsync("client", "file", "show", "motd")).ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldContain("12 B (12 bytes)");

        (await cli.RunAsync("client", "file", "delete", "motd")).ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldContain("Deleted motd from the file store");

        (await cli.RunAsync("client", "file", "delete", "../motd")).ShouldBe(2);
        cli.Error.ToString().ShouldContain("NAME: '../motd' is not a valid stored file name");
    }
}
