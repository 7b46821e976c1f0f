using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

public sealed class NodeCommandTests
{
    [Fact]
    public async Task System_status_shows_one_row_per_host_and_its_disks()
    {
        var api = new StubApi().On("GET /system/status?target_hostname=_all", HttpStatusCode.OK, """
            {"results":[{"hostname":"web1","uptime":"3d2h","load_average":{"1min":0.5,"5min":0.25,"15min":0.1},"memory":{"total":8589934592,"free":4294967296,"used":4294967296},"disks":[{"name":"/","total":107374182400,"used":53687091200,"free":53687091200}],"os_info":{"distribution":"Debian","version":"12"}}]}
            """);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "system", "status", "--target", "_all");

        code.ShouldBe(0, cli.Error.ToString());
        cli.Output.ToString().ShouldContain("│ web1 │ 3d2h   │ 0.50 0.25 0.10 │ 4.0 GiB / 8.0 GiB │ Debian 12 │");
        cli.Output.ToString().ShouldContain("│ web1 │ /    │ 50.0 GiB │ 50.0 GiB │ 100.0 GiB │");
    }

    [Fact]
    public async Task Hostname_with_json_is_the_body()
    {
        const string body = """{"results":[{"hostname":"web1"},{"hostname":"web2"}]}""";
        using var cli = new CliRun(new StubApi().On("GET /system/hostname?target_hostname=group%3Aweb.dev", HttpStatusCode.OK, body));

        (await cli.RunAsync("client", "system", "hostname", "-t", "group:web.dev", "--json")).ShouldBe(0);

        cli.Output.ToString().ShouldBe(body + "\n");
    }

    [Fact]
    public async Task Ping_sends_address_and_count()
    {
        var api = new StubApi().On("POST /network/ping", HttpStatusCode.OK, """
            {"results":[{"hostname":"web1","packets_sent":2,"packets_received":2,"packet_loss":0,"min_rtt":"1.2ms","avg_rtt":"1.5ms","max_rtt":"1.8ms"}]}
            """);
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "network", "ping", "1.1.1.1", "--count", "2")).ShouldBe(0);

        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"address":"1.1.1.1","count":2}""");
        cli.Output.ToString().ShouldContain("│ web1 │ 2    │ 2        │ 0%   │ 1.2ms │ 1.5ms │ 1.8ms │");
    }

    [Fact]
    public async Task Dns_get_and_update()
    {
        var api = new StubApi()
            .On("GET /network/dns/eth0", HttpStatusCode.OK, """{"results":[{"hostname":"web1","servers":["1.1.1.1","9.9.9.9"],"search_domains":["corp.example"]}]}""")
            .On("PUT /network/dns", HttpStatusCode.Accepted, """{"results":[{"hostname":"web1","status":"ok"}]}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "network", "dns", "get", "eth0")).ShouldBe(0);
        cli.Output.ToString().ShouldContain("│ web1 │ 1.1.1.1, 9.9.9.9 │ corp.example   │");

        (await cli.RunAsync("client", "network", "dns", "update", "-i", "eth0", "--server", "1.1.1.1", "--server", "9.9.9.9")).ShouldBe(0);
        api.Requests[^1].Body.ShouldBe("""{"interface_name":"eth0","servers":["1.1.1.1","9.9.9.9"]}""");
        cli.Output.ToString().ShouldContain("│ web1 │ ok     │");
    }

    [Fact]
    public async Task Dns_update_without_servers_or_domains_is_a_usage_error()
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "network", "dns", "update", "-i", "eth0")).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldBe("hostops: give at least one --server or --search-domain\nUsage: hostops client network dns update [options] (see --help)\n");
    }
}
