using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

public sealed class AuditCommandTests
{
    private const string Entry = """{"time":"2026-11-30T10:00:00+00:00","subject":"alice","roles":["admin"],"client_address":"10.0.0.7","method":"POST","path":"/job","target":"_any","job_id":"0193f7a2-5b1c-7d4e-9f00-123456789abc","code":201,"duration_ms":4.2}""";
    private const string Refusal = """{"time":"2026-11-30T10:01:00+00:00","method":"GET","path":"/job","code":401,"duration_ms":0.3}""";

    [Fact]
    public async Task List_sends_the_filters_and_shows_a_table_with_the_next_cursor()
    {
        var api = new StubApi().On(
            "GET /audit?subject=alice&path=%2Fjob&code=201&since=2026-11-30T00%3A00%3A00.0000000%2B00%3A00&limit=1",
            HttpStatusCode.OK,
            $$"""{"items":[{{Entry}}],"next":"YTE6MQ"}""");
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "audit", "list", "--subject", "alice", "--path", "/job", "--code", "201", "--since", "2026-11-30T00:00:00Z", "-n", "1");

        code.ShouldBe(0, cli.Error.ToString());
        var output = cli.Output.ToString();
        output.ShouldContain("│ 2026-11-30 10:00:00Z │ alice   │ POST   │ /job │ _any   │ 201  │ 0193f7a2-5b1c-7d4e-9f00-123456789abc │ 4.2 │");
        output.ShouldContain("Next page: add --cursor YTE6MQ");
    }

    [Fact]
    public async Task Export_writes_one_entry_per_line_to_the_output_or_a_file()
    {
        var api = new StubApi().On("GET /audit/export?code=401", HttpStatusCode.OK, Refusal + "\n" + Refusal + "\n");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "audit", "export", "--code", "401")).ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldBe(Refusal + "\n" + Refusal + "\n");

        var file = Path.Combine(cli.Directory, "audit.ndjson");
        (await cli.RunAsync("client", "audit", "export", "--code", "401", "-o", file)).ShouldBe(0, cli.Error.ToString());
        File.ReadAllLines(file).ShouldBe([Refusal, Refusal]);
        File.Exists(file + ".partial").ShouldBeFalse();
    }

    [Fact]
    public async Task A_refused_export_leaves_no_file_and_says_why()
    {
        var api = new StubApi().On("GET /audit/export", HttpStatusCode.Forbidden, """{"error":"Forbidden","details":"requires scope admin","code":403}""");
        using var cli = new CliRun(api);
        var file = Path.Combine(cli.Directory, "audit.ndjson");

        (await cli.RunAsync("client", "audit", "export", "-o", file)).ShouldNotBe(0);

        cli.Error.ToString().ShouldContain("requires scope admin");
        File.Exists(file).ShouldBeFalse();
        File.Exists(file + ".partial").ShouldBeFalse();
    }

    [Fact]
    public async Task A_time_that_is_not_a_time_is_a_usage_error()
    {
        using var cli = new CliRun(new StubApi());

        (await cli.RunAsync("client", "audit", "list", "--since", "yesterday")).ShouldBe(2);

        cli.Error.ToString().ShouldContain("Usage: hostops client audit list [options] (see --help)");
    }
}
