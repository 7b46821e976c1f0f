using HostOps.Providers.Commands;
using HostOps.Providers.Services;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;
using static HostOps.Providers.Tests.Services.SystemctlFixtures;

namespace HostOps.Providers.Tests.Services;

public sealed class ServiceReaderTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly string AllShown = Show(
        "cron.service", "dbus.service", "nginx.service", "ssh.service", "systemd-journald.service", "unattended-upgrades.service", "postgresql.service");

    [Fact]
    public void The_unit_files_of_a_real_listing_leave_out_templates_and_aliases()
    {
        var names = SystemctlOutput.UnitFiles(Read("list-unit-files.txt")).ToList();

        names.ShouldContain("nats-server.service");
        names.ShouldContain("console-getty.service");
        names.ShouldNotContain("getty@.service");
        names.ShouldNotContain("autovt@.service"); // an alias
        names.ShouldNotContain("dbus-org.freedesktop.hostname1.service"); // an alias
        names.ShouldAllBe(n => n.EndsWith(".service"));
    }

    [Fact]
    public async Task Lists_loaded_and_installed_services_with_their_states_by_name()
    {
        using var machine = WithSystemd();
        var runner = new FakeCommandRunner()
            .Answer(ListUnits, Read("list-units.txt"))
            .Answer(ListUnitFiles, Read("list-unit-files-short.txt"))
            .Answer(AllShown, Read("show-list.txt"));

        var services = await new ServiceReader(new Systemctl(machine.Root, runner)).ListAsync(null, null, Ct);

        services.Select(s => s.Name).ShouldBe([
            "cron.service", "dbus.service", "nginx.service", "postgresql.service", "ssh.service", "systemd-journald.service", "unattended-upgrades.service"]);
        services.Single(s => s.Name == "ssh.service").ShouldBe(new ServiceState(
            "ssh.service", "loaded", "active", "running", "enabled", "OpenBSD Secure Shell server", 612, "Sat 2026-11-28 09:14:02 UTC", CanReload: true));
        services.Single(s => s.Name == "postgresql.service").ShouldBe(new ServiceState(
            "postgresql.service", "loaded", "inactive", "dead", "disabled", "PostgreSQL RDBMS", null, null, CanReload: true));
        services.Single(s => s.Name == "unattended-upgrades.service").LoadState.ShouldBe("not-found");
        services.Single(s => s.Name == "unattended-upgrades.service").UnitFileState.ShouldBeNull();
    }

    [Fact]
    public async Task The_state_filter_keeps_the_services_in_that_state()
    {
        using var machine = WithSystemd();
        var runner = new FakeCommandRunner()
            .Answer(ListUnits, Read("list-units.txt"))
            .Answer(ListUnitFiles, Read("list-unit-files-short.txt"))
            .Answer(AllShown, Read("show-list.txt"));

        var services = await new ServiceReader(new Systemctl(machine.Root, runner)).ListAsync("failed", null, Ct);

        services.ShouldHaveSingleItem().Name.ShouldBe("nginx.service");
    }

    [Theory]
    [InlineData("ssh", "ssh.service")]
    [InlineData("ss?.service", "ssh.service")]
    [InlineData("s*", "ssh.service systemd-journald.service")]
    public async Task The_pattern_reads_only_the_matching_services(string pattern, string matching)
    {
        using var machine = WithSystemd();
        var runner = new FakeCommandRunner()
            .Answer(ListUnits, Read("list-units.txt"))
            .Answer(ListUnitFiles, Read("list-unit-files-short.txt"))
            .Answer(Show("ssh.service"), Read("show-ssh.txt"))
            .Answer(Show("ssh.service", "systemd-journald.service"), Read("show-ssh.txt") + "\n" + Read("show-list.txt").Split("\n\n")[4]);

        var services = await new ServiceReader(new Systemctl(machine.Root, runner)).ListAsync(null, pattern, Ct);

        string.Join(' ', services.Select(s => s.Name)).ShouldBe(matching);
    }

    [Fact]
    public async Task Shows_one_service_given_without_its_suffix()
    {
        using var machine = WithSystemd();
        var runner = Units("ssh");

        var state = await new ServiceReader(new Systemctl(machine.Root, runner)).ShowAsync("ssh", Ct);

        state.ShouldBe(new ServiceState("ssh.service", "loaded", "active", "running", "enabled", "OpenBSD Secure Shell server", 612, "Sat 2026-11-28 09:14:02 UTC", true));
        runner.Calls.ShouldHaveSingleItem().Arguments.ShouldBe(
            ["show", "--property=Id,LoadState,ActiveState,SubState,UnitFileState,Description,MainPID,ActiveEnterTimestamp,CanReload", "--no-pager", "--", "ssh.service"]);
    }

    [Fact]
    public async Task A_unit_systemd_does_not_know_is_refused()
    {
        using var machine = WithSystemd();
        var runner = new FakeCommandRunner().Answer(Show("nope.service"), Read("show-not-found.txt"));

        var error = await Should.ThrowAsync<HostProviderException>(() => new ServiceReader(new Systemctl(machine.Root, runner)).ShowAsync("nope", Ct));

        error.Message.ShouldBe("nope.service not found");
    }

    [Theory]
    [InlineData("-x", "name: '-x' is not a valid unit name")]
    [InlineData("ssh;reboot", "name: 'ssh;reboot' is not a valid unit name")]
    [InlineData("ssh.socket", "name: 'ssh.socket' is a socket unit; only .service units are managed")]
    [InlineData("getty@", "name: 'getty@' is a template or has no name")]
    [InlineData("", "name: is required")]
    public async Task Bad_names_never_reach_systemctl(string name, string error)
    {
        using var machine = WithSystemd();
        var runner = new FakeCommandRunner();

        (await Should.ThrowAsync<HostProviderException>(() => new ServiceReader(new Systemctl(machine.Root, runner)).ShowAsync(name, Ct)))
            .Message.ShouldStartWith(error);
        runner.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_systemd_the_host_is_refused_before_anything_runs()
    {
        using var machine = new TempMachine();
        var runner = new FakeCommandRunner();
        var reader = new ServiceReader(new Systemctl(machine.Root, runner));

        (await Should.ThrowAsync<HostProviderException>(() => reader.ListAsync(null, null, Ct))).Message.ShouldBe("systemd is not running on this host");
        (await Should.ThrowAsync<HostProviderException>(() => reader.ShowAsync("ssh", Ct))).Message.ShouldBe("systemd is not running on this host");
        runner.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task On_this_machine_the_list_is_read_for_real_or_refused_for_want_of_systemd()
    {
        var reader = new ServiceReader(new Systemctl(HostRoot.Default, new ProcessCommandRunner(NullLogger<ProcessCommandRunner>.Instance)));
        if (!Directory.Exists("/run/systemd/system"))
        {
            (await Should.ThrowAsync<HostProviderException>(() => reader.ListAsync(null, null, Ct))).Message.ShouldBe("systemd is not running on this host");
            return;
        }

        var services = await reader.ListAsync(null, null, Ct);
        services.ShouldNotBeEmpty();
        services.ShouldAllBe(s => s.Name.EndsWith(".service") && s.ActiveState != null);
    }
}
