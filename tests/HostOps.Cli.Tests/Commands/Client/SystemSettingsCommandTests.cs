using System.Net;
using System.Text.Json;
using HostOps.Testing.Certificates;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

/// <summary>The sysctl, timezone, ntp, certificate ca and schedule cron commands become the expected requests.</summary>
public sealed class SystemSettingsCommandTests
{
    private const string Ok = """{"results":[{"hostname":"web1","status":"ok","changed":true}]}""";

    [Fact]
    public async Task Sysctl_set_puts_the_key_in_the_route_and_the_value_and_persist_in_the_body()
    {
        var api = new StubApi().On("PUT /sysctl/net.ipv4.ip_forward?target_hostname=_all", HttpStatusCode.OK,
            """{"results":[{"hostname":"web1","status":"ok","changed":true,"key":"net.ipv4.ip_forward","value":"1","persisted":"1"}]}""");
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "sysctl", "set", "net.ipv4.ip_forward", "1", "--persist", "-t", "_all")).ShouldBe(0, cli.Error.ToString());

        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"value":"1","persist":true,"dry_run":false}""");
        cli.Output.ToString().ShouldContain("net.ipv4.ip_forward");
    }

    [Theory]
    [InlineData("GET /sysctl?prefix=net.ipv4", "sysctl", "list", "--prefix", "net.ipv4")]
    [InlineData("GET /sysctl/vm.swappiness", "sysctl", "get", "vm.swappiness")]
    [InlineData("DELETE /sysctl/vm.swappiness?dry_run=true", "sysctl", "delete", "vm.swappiness", "--dry-run")]
    [InlineData("GET /timezone", "timezone", "show")]
    [InlineData("GET /ntp", "ntp", "show")]
    [InlineData("GET /certificate/ca", "certificate", "ca", "list")]
    [InlineData("DELETE /certificate/ca/corp-root?dry_run=true", "certificate", "ca", "remove", "corp-root", "--dry-run")]
    [InlineData("GET /schedule/cron", "schedule", "cron", "list")]
    [InlineData("GET /schedule/cron/backup", "schedule", "cron", "show", "backup")]
    [InlineData("DELETE /schedule/cron/backup?dry_run=true", "schedule", "cron", "delete", "backup", "--dry-run")]
    public async Task Reads_and_deletes_go_to_their_routes(string request, params string[] words)
    {
        var api = new StubApi().On(request, HttpStatusCode.OK, Ok);
        using var cli = new CliRun(api);

        (await cli.RunAsync(["client", .. words])).ShouldBe(0, cli.Error.ToString());
    }

    [Fact]
    public async Task Timezone_set_and_ntp_set_send_the_zone_and_the_servers()
    {
        var api = new StubApi().On("PUT /timezone", HttpStatusCode.OK, Ok).On("PUT /ntp", HttpStatusCode.OK, Ok);
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "timezone", "set", "Europe/Berlin")).ShouldBe(0, cli.Error.ToString());
        (await cli.RunAsync("client", "ntp", "set", "ntp1.example.com", "192.0.2.10", "--dry-run")).ShouldBe(0, cli.Error.ToString());

        api.Requests.Select(r => r.Body).ShouldBe(["""{"zone":"Europe/Berlin","dry_run":false}""", """{"servers":["ntp1.example.com","192.0.2.10"],"dry_run":true}"""]);
    }

    [Fact]
    public async Task Ca_add_reads_the_pem_from_the_file_argument()
    {
        var api = new StubApi().On("POST /certificate/ca", HttpStatusCode.OK, Ok);
        using var cli = new CliRun(api);
        var pem = TestCertificates.Ca();
        var file = cli.WriteFile("corp-root.pem", pem);

        (await cli.RunAsync("client", "certificate", "ca", "add", "corp-root", file)).ShouldBe(0, cli.Error.ToString());

        var body = JsonDocument.Parse(api.Requests.ShouldHaveSingleItem().Body!).RootElement;
        body.GetProperty("name").GetString().ShouldBe("corp-root");
        body.GetProperty("pem").GetString().ShouldBe(pem);
    }

    [Fact]
    public async Task Ca_add_of_a_leaf_certificate_exits_2_and_sends_nothing()
    {
        var api = new StubApi();
        using var cli = new CliRun(api);
        var file = cli.WriteFile("leaf.pem", TestCertificates.Leaf());

        (await cli.RunAsync("client", "certificate", "ca", "add", "corp-root", file)).ShouldBe(2);
        (await cli.RunAsync("client", "certificate", "ca", "add", "corp-root", Path.Combine(cli.Directory, "missing.pem"))).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldStartWith("hostops: PEM: cannot read");
    }

    [Fact]
    public async Task Cron_set_sends_schedule_user_and_command_and_a_bad_schedule_exits_2()
    {
        var api = new StubApi().On("PUT /schedule/cron/backup", HttpStatusCode.OK, Ok);
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "schedule", "cron", "set", "backup", "--schedule", "30 2 * * *", "--user", "root", "--command", "/usr/local/bin/backup")).ShouldBe(0, cli.Error.ToString());
        (await cli.RunAsync("client", "schedule", "cron", "set", "backup", "--schedule", "30 2 * *", "--user", "root", "--command", "x")).ShouldBe(2);

        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"schedule":"30 2 * * *","user":"root","command":"/usr/local/bin/backup","dry_run":false}""");
        cli.Error.ToString().ShouldStartWith("hostops: --schedule: '30 2 * *' is not five fields");
    }
}
