using System.Text.Json;
using HostOps.Agent.Operations;
using HostOps.Contracts.Operations;
using HostOps.Providers;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

public sealed class NetworkHandlerTests
{
    [Fact]
    public async Task Dns_get_answers_servers_and_search_domains_of_the_interface()
    {
        using var host = new HandlerHost(FixtureMachine.Root("ubuntu2404"));
        host.Commands
            .Answer("resolvectl dns -- enp1s0", FixtureMachine.ReadText("ubuntu2404", "resolvectl/dns-enp1s0.txt"))
            .Answer("resolvectl domain -- enp1s0", FixtureMachine.ReadText("ubuntu2404", "resolvectl/domain-enp1s0.txt"));

        var json = await host.RunAsync(OperationTypes.DnsGet, """{"interface_name":"enp1s0"}""");

        json.ShouldBe("""{"hostname":"agent-1","servers":["10.20.0.2","10.20.0.3","2001:db8::53","1.1.1.1"],"search_domains":["corp.example.com","lab.example.com"]}""");
    }

    [Theory]
    [InlineData(null, "data: is required (a JSON object)")]
    [InlineData("{}", "interface_name: is required")]
    [InlineData("""{"interface_name":"eth0;reboot"}""", "interface_name: 'eth0;reboot' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    [InlineData("""{"interface_name":42}""", "data: ")]
    [InlineData("""{"interface_name":"-x"}""", "interface_name: '-x' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    public async Task Dns_get_refuses_bad_input_naming_the_field(string? data, string error)
    {
        using var host = new HandlerHost(FixtureMachine.Root("ubuntu2404"));
        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(OperationTypes.DnsGet, data))).Message.ShouldStartWith(error);
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dns_update_sets_resolved_through_argument_lists_and_answers_ok()
    {
        using var machine = new TempMachine().WithResolved();
        using var host = new HandlerHost(machine.Root);

        var json = await host.RunAsync(
            OperationTypes.DnsUpdate,
            """{"interface_name":"eth0","servers":["1.1.1.1","9.9.9.9"],"search_domains":["example.com"]}""");

        json.ShouldBe("""{"hostname":"agent-1","status":"ok"}""");
        host.Commands.Calls.Select(c => c.FileName + "|" + string.Join('|', c.Arguments))
            .ShouldBe(["resolvectl|dns|--|eth0|1.1.1.1|9.9.9.9", "resolvectl|domain|--|eth0|example.com"]);
    }

    [Fact]
    public async Task Dns_update_twice_leaves_the_same_resolv_conf_as_once()
    {
        using var machine = new TempMachine().Write("/etc/resolv.conf", "# keep me\nnameserver 10.0.0.1\noptions edns0\n");
        using var host = new HandlerHost(machine.Root);
        const string Data = """{"interface_name":"eth0","servers":["10.0.0.7"],"search_domains":["a.example"]}""";

        await host.RunAsync(OperationTypes.DnsUpdate, Data);
        var once = machine.Read("/etc/resolv.conf");
        await host.RunAsync(OperationTypes.DnsUpdate, Data); // a redelivered job

        once.ShouldBe("# keep me\nnameserver 10.0.0.7\noptions edns0\nsearch a.example\n");
        machine.Read("/etc/resolv.conf").ShouldBe(once);
    }

    [Theory]
    [InlineData("""{"interface_name":"eth0"}""", "servers: servers or search_domains is required")]
    [InlineData("""{"interface_name":"eth0","servers":["1.1.1.1","999.1.1.1"]}""", "servers[1]: '999.1.1.1' is not an IP address")]
    [InlineData("""{"interface_name":"eth0","servers":["1"]}""", "servers[0]: '1' is not an IP address")]
    [InlineData("""{"interface_name":"eth0","search_domains":["ok.example","-bad.example"]}""", "search_domains[1]: '-bad.example' is not a valid domain name")]
    [InlineData("""{"interface_name":"eth0","servers":["1.1.1.1","1.1.1.2","1.1.1.3","1.1.1.4","1.1.1.5","1.1.1.6","1.1.1.7","1.1.1.8","1.1.1.9"]}""", "servers: 9 given, at most 8")]
    [InlineData("""{"interface_name":"..","servers":["1.1.1.1"]}""", "interface_name: '..' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    public async Task Dns_update_refuses_bad_input_before_touching_anything(string data, string error)
    {
        using var machine = new TempMachine().WithResolved();
        using var host = new HandlerHost(machine.Root);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(OperationTypes.DnsUpdate, data))).Message.ShouldBe(error);
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dns_update_without_permission_for_host_changes_fails_with_the_reason()
    {
        using var machine = new TempMachine().Write("/etc/resolv.conf", "nameserver 10.0.0.1\n");
        using var host = new HandlerHost(machine.Root, hostChangesAllowed: false);

        var error = await Should.ThrowAsync<OperationFailedException>(
            () => host.RunAsync(OperationTypes.DnsUpdate, """{"interface_name":"eth0","servers":["10.0.0.7"]}"""));

        error.Message.ShouldContain($"set {HostChangeGuard.VariableName}=1");
        machine.Read("/etc/resolv.conf").ShouldBe("nameserver 10.0.0.1\n");
    }

    [Fact]
    public async Task Ping_to_loopback_reports_packets_and_compact_rtts_or_a_clean_failure()
    {
        using var host = new HandlerHost(FixtureMachine.Root("debian12"));
        string json;
        try
        {
            json = await host.RunAsync(OperationTypes.PingDo, """{"address":"127.0.0.1","count":2}""");
        }
        catch (OperationFailedException e)
        {
            e.Message.ShouldStartWith("ICMP echo is not possible on this host: ");
            return;
        }

        var result = JsonSerializer.Deserialize(json, Contracts.Json.HostOpsJsonContext.Default.PingResult)!;
        result.Hostname.ShouldBe("agent-1");
        result.PacketsSent.ShouldBe(2);
        result.PacketsReceived.ShouldBe(2);
        result.PacketLoss.ShouldBe(0);
        result.MinRtt.ShouldEndWith("ms");
        result.AvgRtt.ShouldEndWith("ms");
        result.MaxRtt.ShouldEndWith("ms");
        json.ShouldContain("\"packets_sent\":2");
        json.ShouldContain("\"min_rtt\":");
    }

    [Theory]
    [InlineData("""{"address":"localhost"}""", "address: 'localhost' is not an IP address")]
    [InlineData("""{"address":"1.2"}""", "address: '1.2' is not an IP address")]
    [InlineData("""{"address":"127.0.0.1","count":0}""", "count: 0 is out of range (1-100)")]
    [InlineData("""{"address":"127.0.0.1","count":101}""", "count: 101 is out of range (1-100)")]
    [InlineData("{}", "address: is required")]
    [InlineData("""{"address":"255.255.255.255"}""", "address: '255.255.255.255' is the broadcast address; ping one host")]
    [InlineData("""{"address":"224.0.0.251"}""", "address: '224.0.0.251' is a multicast address; ping one host")]
    public async Task Ping_refuses_bad_input_naming_the_field(string data, string error)
    {
        using var host = new HandlerHost(FixtureMachine.Root("debian12"));
        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(OperationTypes.PingDo, data))).Message.ShouldBe(error);
    }
}
