using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

public sealed class HealthCommandTests
{
    private const string HealthyBody = """
        {"status":"ok","components":{"nats":{"status":"ok"},"kv":{"status":"ok"},"jetstream":{"status":"ok"},"agents":{"status":"ok"}},"version":"0.1.0","uptime":"2h30m15s","nats":{"url":"nats://127.0.0.1:4222","version":"2.9.10"},"streams":[{"name":"JOBS","messages":42,"bytes":1024,"consumers":1},{"name":"JOBS-DLQ","messages":0,"bytes":0,"consumers":0}],"kv_buckets":[{"name":"job-queue","keys":10,"bytes":2048}],"jobs":{"total":100,"unprocessed":5,"processing":2,"completed":90,"failed":3,"dlq":0}}
        """;

    private const string DegradedBody = """
        {"status":"degraded","components":{"nats":{"status":"error","error":"not connected"},"kv":{"status":"error","error":"not connected"}},"version":"0.1.0","uptime":"5s"}
        """;

    [Fact]
    public async Task Health_status_shows_the_summary_components_streams_buckets_and_job_counts()
    {
        using var cli = new CliRun(new StubApi().On("GET /health/status", HttpStatusCode.OK, HealthyBody));

        var code = await cli.RunAsync("client", "health", "status");

        code.ShouldBe(0, cli.Error.ToString());
        var output = cli.Output.ToString();
        output.ShouldContain("Version  0.1.0");
        output.ShouldContain("Uptime   2h30m15s");
        output.ShouldContain("NATS     nats://127.0.0.1:4222 (server 2.9.10)");
        output.ShouldContain("│ jetstream │ ok     │");
        output.ShouldContain("│ JOBS     │ 42       │ 1.0 KiB │ 1         │");
        output.ShouldContain("│ job-queue │ 10   │ 2.0 KiB │");
        output.ShouldContain("Jobs: 100 total, 5 unprocessed, 2 processing, 90 completed, 3 failed, 0 dlq");
    }

    [Fact]
    public async Task With_clustered_nats_it_shows_every_server_up_or_down_and_each_leader_and_replica()
    {
        const string clustered = """
            {"status":"ok","components":{"nats":{"status":"ok"}},"version":"0.1.0","uptime":"5s","nats":{"url":"nats://10.0.0.1:4222,nats://10.0.0.2:4222","version":"2.9.10","cluster":{"name":"prod","servers":[{"name":"n1","up":true},{"name":"n2","up":false},{"name":"n3","up":true}]}},"streams":[{"name":"JOBS","messages":42,"bytes":1024,"consumers":1,"cluster":{"leader":"n3","replicas":[{"name":"n1","current":true},{"name":"n2","current":false}]}}],"kv_buckets":[{"name":"job-queue","keys":10,"bytes":2048,"cluster":{"leader":"n1","replicas":[{"name":"n2","current":false},{"name":"n3","current":true}]}}]}
            """;
        using var cli = new CliRun(new StubApi().On("GET /health/status", HttpStatusCode.OK, clustered));

        (await cli.RunAsync("client", "health", "status")).ShouldBe(0, cli.Error.ToString());

        var output = cli.Output.ToString();
        output.ShouldContain("Cluster  prod: n1 up, n2 down, n3 up");
        output.ShouldContain("│ Stream │ Messages │ Bytes   │ Consumers │ Leader │ Replicas             │");
        output.ShouldContain("│ JOBS   │ 42       │ 1.0 KiB │ 1         │ n3     │ n1, n2 (not current) │");
        output.ShouldContain("│ job-queue │ 10   │ 2.0 KiB │ n1     │ n2 (not current), n3 │");
    }

    [Fact]
    public async Task A_single_nats_server_shows_no_cluster_leader_or_replicas()
    {
        using var cli = new CliRun(new StubApi().On("GET /health/status", HttpStatusCode.OK, HealthyBody));

        (await cli.RunAsync("client", "health", "status")).ShouldBe(0, cli.Error.ToString());

        var output = cli.Output.ToString();
        output.ShouldNotContain("Cluster");
        output.ShouldNotContain("Leader");
        output.ShouldNotContain("Replicas");
    }

    [Fact]
    public async Task Json_prints_the_api_body_unchanged()
    {
        using var cli = new CliRun(new StubApi().On("GET /health/status", HttpStatusCode.OK, HealthyBody));

        var code = await cli.RunAsync("client", "health", "status", "--json");

        code.ShouldBe(0);
        cli.Output.ToString().ShouldBe(HealthyBody + "\n");
    }

    [Fact]
    public async Task A_degraded_system_is_shown_and_exits_1()
    {
        using var cli = new CliRun(new StubApi().On("GET /health/status", HttpStatusCode.ServiceUnavailable, DegradedBody));

        (await cli.RunAsync("client", "health", "status")).ShouldBe(1);
        cli.Output.ToString().ShouldContain("│ nats      │ error  │ not connected │");

        (await cli.RunAsync("client", "health", "status", "--json")).ShouldBe(1);
        cli.Output.ToString().ShouldBe(DegradedBody + "\n");
    }

    [Fact]
    public async Task The_token_comes_from_configuration_and_the_options_override_it()
    {
        var api = new StubApi().On("GET /health/status", HttpStatusCode.OK, HealthyBody);
        using var cli = new CliRun(api, ("API:CLIENT:TOKEN", "from-env"), ("API:CLIENT:URL", "http://10.9.8.7:1234"));

        await cli.RunAsync("client", "health", "status");
        await cli.RunAsync("client", "health", "status", "--token", "from-option", "--url", "http://127.0.0.1:9/");

        api.Requests.Select(r => r.Authorization).ShouldBe(["Bearer from-env", "Bearer from-option"]);
    }

    [Fact]
    public async Task The_config_file_in_the_data_dir_gives_url_and_token()
    {
        var api = new StubApi().On("GET /health/status", HttpStatusCode.OK, HealthyBody);
        using var cli = new CliRun(api);
        cli.WriteFile(".hostops/hostops.yaml", "api:\n  client:\n    url: \"http://127.0.0.1:18080\"\n    token: \"from-file\"\n");

        (await cli.RunAsync("client", "health", "status")).ShouldBe(0);

        api.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer from-file");
    }

    [Fact]
    public async Task An_error_body_is_one_line_with_exit_1()
    {
        var api = new StubApi().On("GET /health/status", HttpStatusCode.Forbidden, """{"error":"Forbidden - Insufficient permissions.","details":"needs scope read","code":403}""");
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "health", "status");

        code.ShouldBe(1);
        cli.Error.ToString().ShouldBe("hostops: Forbidden - Insufficient permissions.: needs scope read\n");
        cli.Output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bad_url_option_is_a_usage_error()
    {
        using var cli = new CliRun(new StubApi());

        (await cli.RunAsync("client", "health", "--url", "localhost:8080")).ShouldBe(2);
        cli.Error.ToString().ShouldStartWith("hostops: --url: 'localhost:8080' is not an http(s) URL");
    }

    [Fact]
    public async Task Liveness_and_readiness_print_their_status()
    {
        var api = new StubApi()
            .On("GET /health", HttpStatusCode.OK, """{"status":"ok"}""")
            .On("GET /health/ready", HttpStatusCode.ServiceUnavailable, """{"status":"not_ready","error":"nats: not connected"}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "health")).ShouldBe(0);
        cli.Output.ToString().ShouldBe("ok\n");
        (await cli.RunAsync("client", "health", "ready")).ShouldBe(1);
        cli.Output.ToString().ShouldBe("not_ready nats: not connected\n");
    }
}
