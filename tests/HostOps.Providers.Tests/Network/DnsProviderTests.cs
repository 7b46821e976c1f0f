using HostOps.Providers.Commands;
using HostOps.Providers.Network;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Network;

public sealed class DnsProviderTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("debian12", new[] { "10.255.255.53" }, new string[0])]
    [InlineData("alpine320", new[] { "192.168.65.7" }, new[] { "svc.cluster.local", "cluster.local" })]
    [InlineData("rhel9", new[] { "10.0.0.2", "10.0.0.3" }, new[] { "lab.example.com" })] // the last search/domain line wins
    public async Task Without_resolved_reads_etc_resolv_conf(string machine, string[] servers, string[] domains)
    {
        var runner = new FakeCommandRunner();
        var settings = await new DnsProvider(FixtureMachine.Root(machine), runner).ReadAsync("eth0", Ct);

        settings.Servers.ShouldBe(servers);
        settings.SearchDomains.ShouldBe(domains);
        runner.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task With_resolved_asks_resolvectl_for_the_interface_with_an_argument_list()
    {
        var runner = new FakeCommandRunner()
            .Answer("resolvectl dns -- enp1s0", FixtureMachine.ReadText("ubuntu2404", "resolvectl/dns-enp1s0.txt"))
            .Answer("resolvectl domain -- enp1s0", FixtureMachine.ReadText("ubuntu2404", "resolvectl/domain-enp1s0.txt"));

        var settings = await new DnsProvider(FixtureMachine.Root("ubuntu2404"), runner).ReadAsync("enp1s0", Ct);

        // Not the stub 127.0.0.53 of resolv.conf; port and TLS name stripped; the routing-only "~." left out.
        settings.Servers.ShouldBe(["10.20.0.2", "10.20.0.3", "2001:db8::53", "1.1.1.1"]);
        settings.SearchDomains.ShouldBe(["corp.example.com", "lab.example.com"]);
        runner.Calls.Select(c => (c.FileName, string.Join('|', c.Arguments)))
            .ShouldBe([("resolvectl", "dns|--|enp1s0"), ("resolvectl", "domain|--|enp1s0")]);
    }

    [Theory]
    [InlineData("-x")]
    [InlineData("--help")]
    [InlineData("..")]
    public async Task A_name_that_could_be_read_as_an_option_or_a_path_never_reaches_resolvectl(string name)
    {
        var runner = new FakeCommandRunner();

        var error = await Should.ThrowAsync<HostProviderException>(
            () => new DnsProvider(FixtureMachine.Root("ubuntu2404"), runner).ReadAsync(name, Ct));

        error.Message.ShouldStartWith($"interface_name: '{name}' is not a valid interface name");
        runner.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task With_resolved_an_interface_without_servers_has_none()
    {
        var runner = new FakeCommandRunner()
            .Answer("resolvectl dns -- wlp2s0", FixtureMachine.ReadText("ubuntu2404", "resolvectl/dns-empty.txt"))
            .Answer("resolvectl domain -- wlp2s0", FixtureMachine.ReadText("ubuntu2404", "resolvectl/dns-empty.txt"));

        var settings = await new DnsProvider(FixtureMachine.Root("ubuntu2404"), runner).ReadAsync("wlp2s0", Ct);

        settings.Servers.ShouldBeEmpty();
        settings.SearchDomains.ShouldBeEmpty();
    }

    [Fact]
    public async Task With_resolved_an_unknown_interface_fails_with_resolvectls_reason()
    {
        var runner = new FakeCommandRunner().Answer(
            "resolvectl dns -- eth9",
            new CommandResult(1, string.Empty, FixtureMachine.ReadText("ubuntu2404", "resolvectl/no-such-device.txt")));

        var error = await Should.ThrowAsync<HostProviderException>(
            () => new DnsProvider(FixtureMachine.Root("ubuntu2404"), runner).ReadAsync("eth9", Ct));

        error.Message.ShouldBe("resolvectl dns eth9 failed: Failed to resolve interface \"eth9\": No such device");
    }

    [Fact]
    public async Task With_resolved_but_no_resolvectl_installed_fails_cleanly()
    {
        var runner = new FakeCommandRunner().Missing("resolvectl dns -- eth0");
        var error = await Should.ThrowAsync<HostProviderException>(
            () => new DnsProvider(FixtureMachine.Root("ubuntu2404"), runner).ReadAsync("eth0", Ct));
        error.Message.ShouldContain("cannot run resolvectl");
    }

    [Fact]
    public async Task Without_resolved_an_interface_sysfs_does_not_know_is_refused()
    {
        using var machine = new TempMachine().WithInterfaces("lo", "eth0").Write("/etc/resolv.conf", "nameserver 9.9.9.9\n");
        var provider = new DnsProvider(machine.Root, new FakeCommandRunner());

        (await provider.ReadAsync("eth0", Ct)).Servers.ShouldBe(["9.9.9.9"]);
        (await Should.ThrowAsync<HostProviderException>(() => provider.ReadAsync("eth9", Ct))).Message.ShouldBe("no such interface: eth9");
    }

    [Fact]
    public async Task Without_any_resolver_configuration_the_reason_is_given()
    {
        using var machine = new TempMachine();
        var error = await Should.ThrowAsync<HostProviderException>(
            () => new DnsProvider(machine.Root, new FakeCommandRunner()).ReadAsync("eth0", Ct));
        error.Message.ShouldBe("/etc/resolv.conf does not exist on this host");
    }
}
