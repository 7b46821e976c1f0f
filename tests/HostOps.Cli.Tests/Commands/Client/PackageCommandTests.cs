using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

public sealed class PackageCommandTests
{
    [Fact]
    public async Task List_sends_the_pattern_and_shows_a_row_per_package()
    {
        var api = new StubApi().On("GET /package?pattern=open%2A&target_hostname=_all", HttpStatusCode.OK, """
            {"results":[{"hostname":"web1","status":"ok","changed":false,"manager":"dpkg","total":1,"truncated":false,"packages":[{"name":"openssl","version":"3.0.17-1~deb12u2","architecture":"amd64","summary":"Secure Sockets Layer toolkit - cryptographic utility"}]}]}
            """);
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "package", "list", "open*", "--target", "_all")).ShouldBe(0, cli.Error.ToString());

        cli.Output.ToString().ShouldContain("│ web1 │ openssl │ 3.0.17-1~deb12u2 │ amd64        │ Secure Sockets Layer toolkit - cryptographic utility │");
    }

    [Fact]
    public async Task Show_puts_the_name_in_the_route()
    {
        var api = new StubApi().On("GET /package/libstdc%2B%2B6", HttpStatusCode.OK, """
            {"results":[{"hostname":"web1","status":"ok","changed":false,"name":"libstdc++6","installed":true,"version":"12.2.0-14","candidate":"12.2.0-14","architecture":"amd64"}]}
            """);
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "package", "show", "libstdc++6")).ShouldBe(0, cli.Error.ToString());

        cli.Output.ToString().ShouldContain("libstdc++6");
    }

    [Fact]
    public async Task Install_sends_name_version_and_dry_run()
    {
        var api = new StubApi().On("POST /package", HttpStatusCode.OK, """{"results":[{"hostname":"web1","status":"ok","changed":true,"name":"hello","version":"2.10-3"}]}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "package", "install", "hello", "--version", "2.10-3", "--dry-run")).ShouldBe(0, cli.Error.ToString());

        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"name":"hello","version":"2.10-3","dry_run":true}""");
        cli.Output.ToString().ShouldContain("│ web1 │ ok     │ yes     │ hello │ 2.10-3  │");
    }

    [Fact]
    public async Task Remove_with_dry_run_asks_in_the_query()
    {
        var api = new StubApi().On("DELETE /package/hello?dry_run=true", HttpStatusCode.OK, """{"results":[{"hostname":"web1","status":"ok","changed":false,"name":"hello"}]}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "package", "remove", "hello", "--dry-run")).ShouldBe(0, cli.Error.ToString());

        api.Requests.ShouldHaveSingleItem().Route.ShouldBe("DELETE /package/hello?dry_run=true");
    }

    [Fact]
    public async Task Updates_and_upgrade_use_package_update()
    {
        var api = new StubApi()
            .On("GET /package/update", HttpStatusCode.OK, """{"results":[{"hostname":"web1","status":"ok","changed":false,"updates":[{"name":"bash","current_version":"5.2.15-2+b8","new_version":"5.2.15-2+b13"}]}]}""")
            .On("POST /package/update", HttpStatusCode.OK, """{"results":[{"hostname":"web1","status":"ok","changed":true,"upgraded":[{"name":"bash","current_version":"5.2.15-2+b8","new_version":"5.2.15-2+b13"}]}]}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "package", "updates")).ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldContain("│ web1 │ bash │ 5.2.15-2+b8     │ 5.2.15-2+b13 │");

        (await cli.RunAsync("client", "package", "upgrade", "bash", "openssl")).ShouldBe(0, cli.Error.ToString());
        api.Requests[^1].Body.ShouldBe("""{"names":["bash","openssl"],"dry_run":false}""");
    }

    [Theory]
    [InlineData("install", "-rf", "NAME: '-rf' is not a valid package name")]
    [InlineData("install", "hello;reboot", "NAME: 'hello;reboot' is not a valid package name")]
    [InlineData("remove", "Hello World", "NAME: 'Hello World' is not a valid package name")]
    public async Task A_bad_name_exits_2_with_the_usage_line(string verb, string name, string error)
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "package", verb, name)).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldContain(error);
        cli.Error.ToString().ShouldEndWith($"\nUsage: hostops client package {verb} <NAME> [options] (see --help)\n");
    }

    [Fact]
    public async Task A_bad_version_exits_2_naming_the_option()
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "package", "install", "hello", "--version", "1 2")).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldContain("--version: '1 2' is not a valid package version");
    }
}
