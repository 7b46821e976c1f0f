using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

public sealed class ServiceCommandTests
{
    [Fact]
    public async Task List_sends_the_filters_and_shows_a_row_per_service()
    {
        var api = new StubApi().On("GET /service?state=failed&pattern=ng%2A&target_hostname=_all", HttpStatusCode.OK, """
            {"results":[{"hostname":"web1","status":"ok","changed":false,"services":[{"name":"nginx.service","load_state":"loaded","active_state":"failed","sub_state":"failed","enabled":"enabled","description":"nginx"}]}]}
            """);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "service", "list", "--state", "failed", "--pattern", "ng*", "--target", "_all");

        code.ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldContain("│ web1 │ nginx.service │ loaded     │ failed       │ failed    │ enabled │ nginx       │");
    }

    [Fact]
    public async Task Show_puts_the_name_in_the_route()
    {
        var api = new StubApi().On("GET /service/ssh", HttpStatusCode.OK, """{"results":[{"hostname":"web1","status":"ok","changed":false,"name":"ssh.service","active_state":"active","main_pid":612}]}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "service", "show", "ssh")).ShouldBe(0, cli.Error.ToString());

        cli.Output.ToString().ShouldContain("ssh.service");
    }

    [Theory]
    [InlineData("start")]
    [InlineData("stop")]
    [InlineData("restart")]
    [InlineData("reload")]
    [InlineData("enable")]
    [InlineData("disable")]
    public async Task Each_action_posts_to_its_route_with_the_dry_run_flag(string verb)
    {
        var api = new StubApi().On($"POST /service/nginx/{verb}?target_hostname=web1", HttpStatusCode.OK, """
            {"results":[{"hostname":"web1","status":"ok","changed":true,"name":"nginx.service","active_state":"active","enabled":"enabled"}]}
            """);
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "service", verb, "nginx", "--dry-run", "-t", "web1")).ShouldBe(0, cli.Error.ToString());

        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"dry_run":true}""");
        cli.Output.ToString().ShouldContain("│ web1 │ ok     │ yes     │ nginx.service │ active       │ enabled │");
    }

    [Theory]
    [InlineData("start", "--now", "NAME: '--now' is not a valid unit name")]
    [InlineData("stop", "ssh.socket", "NAME: 'ssh.socket' is a socket unit; only .service units are managed")]
    [InlineData("show", "a;b", "NAME: 'a;b' is not a valid unit name")]
    public async Task A_bad_name_exits_2_with_the_usage_line_and_sends_nothing(string verb, string name, string error)
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "service", verb, "--", name)).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldStartWith($"hostops: {error}");
        cli.Error.ToString().ShouldContain($"Usage: hostops client service {verb}");
    }

    [Fact]
    public async Task A_bad_state_exits_2_naming_the_option()
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "service", "list", "--state", "running")).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldStartWith("hostops: --state: 'running' is not an active state");
    }
}
