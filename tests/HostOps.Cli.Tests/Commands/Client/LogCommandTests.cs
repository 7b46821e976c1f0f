using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

public sealed class LogCommandTests
{
    private const string Entries = """
        {"results":[{"hostname":"web1","status":"ok","changed":false,"truncated":false,"entries":[{"time":"2026-11-30T08:20:11+00:00","unit":"nginx.service","identifier":"nginx","priority":3,"message":"bind() failed","pid":4242}]}]}
        """;

    [Fact]
    public async Task Log_alone_runs_the_query_with_its_filters()
    {
        var api = new StubApi().On("GET /log?unit=nginx&since=-1h&priority=err&grep=timed%20out&lines=20&target_hostname=_all", HttpStatusCode.OK, Entries);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "log", "--unit", "nginx", "--since", "-1h", "--priority", "err", "--grep", "timed out", "--lines", "20", "-t", "_all");

        code.ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldContain("│ web1 │ 2026-11-30T08:20:11+00:00 │ nginx.service │ nginx      │ 3        │ bind() failed │ 4242 │");
    }

    [Fact]
    public async Task Log_with_no_options_reads_the_newest_entries()
    {
        var api = new StubApi().On("GET /log", HttpStatusCode.OK, Entries);
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "log")).ShouldBe(0, cli.Error.ToString());

        api.Requests.ShouldHaveSingleItem().Route.ShouldBe("GET /log");
    }

    [Fact]
    public async Task Log_unit_puts_the_unit_in_the_route()
    {
        var api = new StubApi().On("GET /log/unit/ssh.socket?since=today&lines=5", HttpStatusCode.OK, Entries);
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "log", "unit", "ssh.socket", "--since", "today", "--lines", "5")).ShouldBe(0, cli.Error.ToString());
    }

    [Theory]
    [InlineData(new[] { "client", "log", "--lines", "0" }, "--lines: 0 is out of range (1-1000)", "hostops client log")]
    [InlineData(new[] { "client", "log", "--lines", "ten" }, "--lines: 'ten' is not a whole number", "hostops client log")]
    [InlineData(new[] { "client", "log", "--since", "$(reboot)" }, "--since: '$(reboot)' is not a journalctl time", "hostops client log")]
    [InlineData(new[] { "client", "log", "--priority", "loud" }, "--priority: 'loud' is not a priority", "hostops client log")]
    [InlineData(new[] { "client", "log", "unit", "--", "-x" }, "NAME: '-x' is not a valid unit name", "hostops client log unit")]
    public async Task A_bad_value_exits_2_with_the_usage_line_and_sends_nothing(string[] args, string error, string usage)
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync(args)).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldStartWith($"hostops: {error}");
        cli.Error.ToString().ShouldContain($"Usage: {usage} ");
    }
}
