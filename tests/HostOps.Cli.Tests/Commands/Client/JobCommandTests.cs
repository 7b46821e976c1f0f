using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

public sealed class JobCommandTests
{
    private const string Id = "0193f7a2-5b1c-7d4e-9f00-123456789abc";
    private const string Submitted = $$"""{"job_id":"{{Id}}","status":"unprocessed","revision":3,"timestamp":"2026-11-29T10:00:00Z"}""";

    [Fact]
    public async Task Add_reads_the_job_file_and_the_target_option_wins()
    {
        var api = new StubApi().On("POST /job", HttpStatusCode.Created, Submitted);
        using var cli = new CliRun(api);
        var file = cli.WriteFile("job.json", """{"operation":{"type":"system.hostname.get","data":{}},"target_hostname":"web1"}""");

        var code = await cli.RunAsync("client", "job", "add", "--json-file", file, "--target", "_all");

        code.ShouldBe(0, cli.Error.ToString());
        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"operation":{"type":"system.hostname.get","data":{}},"target_hostname":"_all"}""");
        cli.Output.ToString().ShouldContain($"│ {Id} │ unprocessed │ 3        │ 2026-11-29 10:00:00Z │");
    }

    [Fact]
    public async Task A_file_holding_only_the_operation_is_accepted()
    {
        var api = new StubApi().On("POST /job", HttpStatusCode.Created, Submitted);
        using var cli = new CliRun(api);
        var file = cli.WriteFile("op.json", """{"type":"system.uptime.get"}""");

        (await cli.RunAsync("client", "job", "add", "-f", file, "--json")).ShouldBe(0);

        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"operation":{"type":"system.uptime.get"}}""");
        cli.Output.ToString().ShouldBe(Submitted + "\n");
    }

    [Theory]
    [InlineData("missing.json", "--json-file missing.json: Could not find file")]
    [InlineData("notjson", "--json-file notjson: not a job")]
    [InlineData("empty", "--json-file empty: no operation type")]
    public async Task A_bad_job_file_is_a_usage_error(string name, string message)
    {
        using var cli = new CliRun(new StubApi());
        cli.WriteFile("notjson", "{{{");
        cli.WriteFile("empty", "{}");

        var code = await cli.RunAsync("client", "job", "add", "-f", Path.Combine(cli.Directory, name));

        code.ShouldBe(2);
        cli.Error.ToString().ShouldContain(message.Replace(name, Path.Combine(cli.Directory, name), StringComparison.Ordinal));
        cli.Error.ToString().ShouldContain("Usage: hostops client job add [options] (see --help)");
    }

    [Fact]
    public async Task List_passes_status_and_limit_and_shows_a_table()
    {
        var api = new StubApi().On("GET /job?status=failed&limit=5", HttpStatusCode.OK, $$"""
            {"total_items":9,"items":[{"id":"{{Id}}","status":"failed","created":"2026-11-29T10:00:00Z","updated_at":"2026-11-29T10:00:01Z","operation":{"type":"network.ping.do"},"target_hostname":"_any","hostname":"web1","error":"timeout","responses":{},"worker_states":{},"attempts":1}]}
            """);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "job", "list", "--status", "failed", "--limit", "5");

        code.ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldContain($"│ {Id} │ failed │ network.ping.do │ _any   │ 2026-11-29 10:00:00Z │ 2026-11-29 10:00:01Z │");
        cli.Output.ToString().ShouldContain("1 of 9 jobs");
    }

    [Fact]
    public async Task List_passes_the_cursor_and_prints_the_command_for_the_next_page()
    {
        var api = new StubApi().On("GET /job?status=failed&limit=1&cursor=AQAI3Q-_x", HttpStatusCode.OK, $$"""
            {"total_items":9,"items":[{"id":"{{Id}}","status":"failed","created":"2026-11-29T10:00:00Z","updated_at":"2026-11-29T10:00:01Z","operation":{"type":"network.ping.do"},"target_hostname":"_any","responses":{},"worker_states":{},"attempts":1}],"next":"AQAI3Q-_y"}
            """);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "job", "list", "--status", "failed", "--limit", "1", "--cursor", "AQAI3Q-_x");

        code.ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldContain("1 of 9 jobs");
        cli.Output.ToString().ShouldContain("Next page: hostops client job list --status failed --limit 1 --cursor AQAI3Q-_y");
    }

    [Fact]
    public async Task List_passes_operation_and_target_and_keeps_them_in_the_next_page_command()
    {
        var api = new StubApi().On("GET /job?operation=package.install.do&target_hostname=web-01&limit=1", HttpStatusCode.OK, $$"""
            {"total_items":2,"items":[{"id":"{{Id}}","status":"completed","created":"2026-11-29T10:00:00Z","updated_at":"2026-11-29T10:00:01Z","operation":{"type":"package.install.do"},"target_hostname":"web-01","responses":{},"worker_states":{},"attempts":1}],"next":"AQAI3Q-_z"}
            """);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "job", "list", "--operation", "package.install.do", "-t", "web-01", "-n", "1");

        code.ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldContain("1 of 2 jobs");
        cli.Output.ToString().ShouldContain("Next page: hostops client job list --operation package.install.do --target web-01 --limit 1 --cursor AQAI3Q-_z");
    }

    [Fact]
    public async Task An_unknown_status_is_refused_before_any_request()
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "job", "list", "--status", "lost")).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldContain("Usage: hostops client job list [options] (see --help)");
    }

    [Fact]
    public async Task A_limit_that_is_not_a_number_is_a_usage_error_in_words()
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "job", "list", "--limit", "abc")).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldContain("--limit: 'abc' is not a whole number");
        cli.Error.ToString().ShouldNotContain("System.");
    }

    [Fact]
    public async Task Get_of_an_unknown_job_prints_the_api_error()
    {
        var api = new StubApi().On($"GET /job/{Id}", HttpStatusCode.NotFound, """{"error":"Job not found.","code":404}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "job", "get", Id)).ShouldBe(1);

        cli.Error.ToString().ShouldBe("hostops: Job not found.\n");
    }

    [Fact]
    public async Task Run_shows_progress_on_stderr_and_the_result_on_stdout()
    {
        var api = new StubApi()
            .On("POST /job", HttpStatusCode.Created, Submitted)
            .On($"GET /job/{Id}", HttpStatusCode.OK, Detail("processing", null))
            .On($"GET /job/{Id}", HttpStatusCode.OK, Detail("completed", """{"hostname":"web1"}"""));
        using var cli = new CliRun(api);
        var file = cli.WriteFile("job.json", """{"operation":{"type":"system.hostname.get"}}""");

        var code = await cli.RunAsync("client", "job", "run", "-f", file);

        code.ShouldBe(0, cli.Error.ToString());
        cli.Error.ToString().ShouldContain($"job {Id} submitted (system.hostname.get, target _any)");
        cli.Error.ToString().ShouldContain($"job {Id}: processing after");
        cli.Error.ToString().ShouldContain($"job {Id}: completed after");
        cli.Output.ToString().ShouldContain("\"hostname\": \"web1\"");
    }

    [Fact]
    public async Task Run_with_json_prints_the_final_body_and_a_failed_job_exits_1()
    {
        var failed = Detail("failed", null, "permission denied");
        var api = new StubApi()
            .On("POST /job", HttpStatusCode.Created, Submitted)
            .On($"GET /job/{Id}", HttpStatusCode.OK, failed);
        using var cli = new CliRun(api);
        var file = cli.WriteFile("job.json", """{"operation":{"type":"network.dns.update"}}""");

        var code = await cli.RunAsync("client", "job", "run", "-f", file, "--json");

        code.ShouldBe(1);
        cli.Output.ToString().ShouldBe(failed + "\n");
        cli.Error.ToString().ShouldContain($"hostops: job {Id} ended failed: permission denied");
    }

    [Fact]
    public async Task Run_gives_up_waiting_after_the_timeout()
    {
        var api = new StubApi()
            .On("POST /job", HttpStatusCode.Created, Submitted)
            .On($"GET /job/{Id}", HttpStatusCode.OK, Detail("processing", null));
        using var cli = new CliRun(api);
        var file = cli.WriteFile("job.json", """{"operation":{"type":"system.hostname.get"}}""");

        var code = await cli.RunAsync("client", "job", "run", "-f", file, "--timeout", "300ms");

        code.ShouldBe(1);
        cli.Error.ToString().ShouldContain($"hostops: job {Id} is still processing after 300ms; follow it with: hostops client job get {Id}");
    }

    [Fact]
    public async Task Delete_retry_status_and_workers_call_their_endpoints()
    {
        var api = new StubApi()
            .On($"DELETE /job/{Id}", HttpStatusCode.NoContent, "")
            .On($"POST /job/{Id}/retry", HttpStatusCode.Accepted, $$"""{"job_id":"{{Id}}","status":"unprocessed"}""")
            .On("GET /job/status", HttpStatusCode.OK, """{"total_jobs":3,"status_counts":{"completed":2,"failed":1},"operation_counts":{"system.hostname.get":3},"dlq_count":0}""")
            .On("GET /job/workers", HttpStatusCode.OK, """{"workers":[{"hostname":"web1","labels":{"group":"web.dev"},"last_seen":"2026-11-29T10:00:00Z","version":"0.1.0"}],"total":1}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "job", "delete", Id)).ShouldBe(0);
        cli.Output.ToString().ShouldBe($"Deleted job {Id}\n");
        (await cli.RunAsync("client", "job", "retry", Id)).ShouldBe(0);
        cli.Output.ToString().ShouldStartWith($"Re-queued job {Id}");
        (await cli.RunAsync("client", "job", "status")).ShouldBe(0);
        cli.Output.ToString().ShouldContain("Jobs: 3 total, 0 in the dead-letter queue");
        cli.Output.ToString().ShouldContain("│ system.hostname.get │ 3    │");
        (await cli.RunAsync("client", "job", "workers")).ShouldBe(0);
        cli.Output.ToString().ShouldContain("│ web1 │ group=web.dev │ 2026-11-29 10:00:00Z │ 0.1.0   │");
    }

    [Fact]
    public async Task Run_waits_on_the_jobs_event_stream_instead_of_polling()
    {
        var api = new StubApi()
            .On("POST /job", HttpStatusCode.Created, Submitted)
            .On($"GET /job/{Id}/events", HttpStatusCode.OK, Stream(("started", "processing", 8), ("completed", "completed", 9)))
            .On($"GET /job/{Id}", HttpStatusCode.OK, Detail("completed", """{"hostname":"web1"}"""));
        using var cli = new CliRun(api);
        var file = cli.WriteFile("job.json", """{"operation":{"type":"system.hostname.get"}}""");

        var code = await cli.RunAsync("client", "job", "run", "-f", file);

        code.ShouldBe(0, cli.Error.ToString());
        api.Requests.Select(r => r.Route).ShouldBe(["POST /job", $"GET /job/{Id}/events", $"GET /job/{Id}"]);
        cli.Error.ToString().ShouldContain($"job {Id}: processing after");
        cli.Error.ToString().ShouldContain($"job {Id}: completed after");
        cli.Output.ToString().ShouldContain("\"hostname\": \"web1\"");
    }

    [Fact]
    public async Task Watch_prints_a_line_per_change_or_ndjson_and_passes_filters_and_resume()
    {
        var api = new StubApi()
            .On("GET /job/events?status=failed&target_hostname=web1", HttpStatusCode.OK, Stream(("failed", "failed", 12)))
            .On($"GET /job/{Id}/events", HttpStatusCode.OK, Stream(("submitted", "unprocessed", 7), ("completed", "completed", 9)));
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "job", "watch", "--status", "failed", "--target", "web1")).ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldBe($"2026-11-30 10:00:00Z  #12  {Id}  failed     failed           attempt 1  web1  system.hostname.get → _any\n");

        (await cli.RunAsync("client", "job", "watch", Id, "--json", "--after", "3")).ShouldBe(0, cli.Error.ToString());
        var lines = cli.Output.ToString().TrimEnd().Split('\n');
        lines.Length.ShouldBe(2);
        lines[1].ShouldBe("{\"id\":9,\"job_id\":\"" + Id + "\",\"kind\":\"completed\",\"status\":\"completed\",\"attempt\":1,\"hostname\":\"web1\",\"time\":\"2026-11-30T10:00:00+00:00\",\"operation_type\":\"system.hostname.get\",\"target_hostname\":\"_any\"}");
        api.Requests.Last().Route.ShouldBe($"GET /job/{Id}/events");

        (await cli.RunAsync("client", "job", "watch", Id, "--status", "failed")).ShouldBe(2);
    }

    // A text/event-stream body with a heartbeat comment between events.
    private static string Stream(params (string Kind, string Status, int Id)[] changes) =>
        ": connected\n\n" + string.Concat(changes.Select(c =>
            $"id: {c.Id}\nevent: {c.Kind}\ndata: " + "{\"id\":" + c.Id + ",\"job_id\":\"" + Id + "\",\"kind\":\"" + c.Kind + "\",\"status\":\"" + c.Status
            + "\",\"attempt\":1,\"hostname\":\"web1\",\"time\":\"2026-11-30T10:00:00Z\",\"operation_type\":\"system.hostname.get\",\"target_hostname\":\"_any\"}\n\n: heartbeat\n\n"));

    private static string Detail(string status, string? result, string? error = null) =>
        "{\"id\":\"" + Id + "\",\"status\":\"" + status + "\",\"created\":\"2026-11-29T10:00:00Z\",\"updated_at\":\"2026-11-29T10:00:01Z\","
        + "\"operation\":{\"type\":\"system.hostname.get\"},\"target_hostname\":\"_any\",\"hostname\":\"web1\""
        + (result is null ? "" : ",\"result\":" + result)
        + (error is null ? "" : ",\"error\":\"" + error + "\"")
        + ",\"responses\":{},\"worker_states\":{\"web1\":{\"status\":\"" + status + "\",\"duration\":\"1.5ms\"}},\"attempts\":1}";
}
