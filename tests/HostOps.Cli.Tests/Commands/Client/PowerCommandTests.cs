using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

public sealed class PowerCommandTests
{
    private const string Scheduled = """
        {"results":[{"scheduled_at":"2026-01-01T10:01:00+00:00","unit":"hostops-power-0123456789ab.timer","hostname":"web1","status":"ok","changed":true}]}
        """;

    [Theory]
    [InlineData("reboot")]
    [InlineData("shutdown")]
    public async Task With_yes_it_sends_delay_and_message(string verb)
    {
        var api = new StubApi().On($"POST /power/{verb}?target_hostname=web1", HttpStatusCode.OK, Scheduled);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "power", verb, "-t", "web1", "--delay", "60", "--message", "kernel update", "--yes");

        code.ShouldBe(0, cli.Error.ToString());
        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"delay":60,"message":"kernel update","dry_run":false}""");
        cli.Output.ToString().ShouldContain("hostops-power-0123456789ab.timer");
    }

    [Fact]
    public async Task Without_yes_and_without_a_terminal_it_exits_2_and_sends_nothing()
    {
        Assert.SkipUnless(Console.IsInputRedirected, "stdin is a terminal here: the command would ask");
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "power", "reboot", "-t", "web1")).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldBe(
            "hostops: --yes: required to reboot each targeted host after a delay on web1 without a terminal to ask on\n" +
            "Usage: hostops client power reboot [options] (see --help)\n");
    }

    [Theory]
    [InlineData("--delay", "4", "--delay: 4 is out of range (5-3600 seconds)")]
    [InlineData("--delay", "soon", "--delay: 'soon' is not a whole number")]
    [InlineData("--message", "a\u001bb", "--message: must be printable (no control characters or line breaks)")]
    public async Task A_bad_value_exits_2_even_with_yes(string option, string value, string error)
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "power", "shutdown", option, value, "--yes")).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldBe($"hostops: {error}\nUsage: hostops client power shutdown [options] (see --help)\n");
    }
}
