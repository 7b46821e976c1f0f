using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

public sealed class ProcessCommandTests
{
    private const string Listing = """
        {"results":[{"processes":[{"pid":4242,"ppid":1,"user":"alice","command":"python3 -m http.server","state":"running","cpu_percent":12,"rss_bytes":104857600,"start_time":"2023-11-14T23:36:40+00:00"}],"total":87,"hostname":"web1","status":"ok","changed":false}]}
        """;

    [Fact]
    public async Task List_puts_its_options_in_the_query_and_shows_a_row_per_process()
    {
        var api = new StubApi().On("GET /process?sort=rss&limit=5&user=alice&target_hostname=web1", HttpStatusCode.OK, Listing);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "process", "list", "--sort", "rss", "--limit", "5", "--user", "alice", "-t", "web1");

        code.ShouldBe(0, cli.Error.ToString());
        var output = cli.Output.ToString();
        output.ShouldContain("│ web1 │ ok     │ 87    │");
        output.ShouldContain("│ web1 │ 4242 │ 1    │ alice │ python3 -m http.server │ running │ 12");
    }

    [Fact]
    public async Task Show_puts_the_pid_in_the_path()
    {
        var api = new StubApi().On("GET /process/4242", HttpStatusCode.OK, """{"results":[{"pid":4242,"command":"python3","threads":4,"argv":["python3"],"hostname":"web1","status":"ok","changed":false}]}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "process", "show", "4242")).ShouldBe(0, cli.Error.ToString());

        cli.Output.ToString().ShouldContain("│ web1 │ ok     │ 4242 │ python3 │ 4       │");
    }

    [Fact]
    public async Task Signal_takes_pid_and_signal_as_arguments()
    {
        var api = new StubApi().On("POST /process/4242/signal?target_hostname=web1", HttpStatusCode.OK, """{"results":[{"pid":4242,"signal":"TERM","hostname":"web1","status":"ok","changed":true}]}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "process", "signal", "4242", "sigterm", "--dry-run", "-t", "web1")).ShouldBe(0, cli.Error.ToString());

        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"signal":"sigterm","dry_run":true}""");
        cli.Output.ToString().ShouldContain("│ web1 │ ok     │ yes     │ 4242 │ TERM   │");
    }

    [Theory]
    [InlineData(new[] { "signal", "1", "TERM" }, "PID: 1 is init; signalling it is refused", "signal <PID> <SIGNAL>")]
    [InlineData(new[] { "signal", "4242", "FOO" }, "SIGNAL: 'FOO' is not one of TERM, KILL, HUP, INT, QUIT, USR1, USR2, STOP, CONT (SIG prefix optional, any case)", "signal <PID> <SIGNAL>")]
    [InlineData(new[] { "signal", "-1", "TERM" }, "PID: -1 is not a process id (1-4194304)", "signal <PID> <SIGNAL>")]
    [InlineData(new[] { "show", "abc" }, "PID: 'abc' is not a whole number", "show <PID>")]
    [InlineData(new[] { "list", "--sort", "size" }, "--sort: 'size' is not one of cpu, rss, pid, start", "list")]
    [InlineData(new[] { "list", "--limit", "0" }, "--limit: 0 is out of range (1-1000)", "list")]
    public async Task A_bad_value_exits_2_with_the_usage_line_and_sends_nothing(string[] words, string error, string usage)
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync(["client", "process", .. words])).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldBe($"hostops: {error}\nUsage: hostops client process {usage} [options] (see --help)\n");
    }
}
