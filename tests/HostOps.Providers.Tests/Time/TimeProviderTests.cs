using HostOps.Providers.Services;
using HostOps.Providers.Time;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Time;

/// <summary>Time zone and NTP under a temporary root; timedatectl and chronyc answered with the debian12/time fixtures (see its README).</summary>
public sealed class TimeProviderTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly HostChangeGuard Allowed = new(() => true);

    [Fact]
    public async Task Without_systemd_the_zone_is_the_localtime_link_and_setting_it_relinks_and_writes_etc_timezone()
    {
        using var machine = Zones("Etc/UTC", "Europe/Berlin").Write("/etc/timezone", "Etc/UTC\n");
        File.CreateSymbolicLink(machine.PathOf("/etc/localtime"), "/usr/share/zoneinfo/Etc/UTC");
        var zones = new TimeZoneProvider(machine.Root, new FakeCommandRunner(), Allowed);

        (await zones.ReadAsync(Ct)).ShouldBe("Etc/UTC");
        var first = await zones.SetAsync("Europe/Berlin", dryRun: false, Ct);
        var second = await zones.SetAsync("Europe/Berlin", dryRun: false, Ct);

        first.ShouldBe(new TimezoneChange("Etc/UTC", "Europe/Berlin", true));
        second.Changed.ShouldBeFalse();
        new FileInfo(machine.PathOf("/etc/localtime")).LinkTarget.ShouldBe("/usr/share/zoneinfo/Europe/Berlin");
        machine.Read("/etc/timezone").ShouldBe("Europe/Berlin\n");
    }

    [Fact]
    public async Task A_zone_missing_from_zoneinfo_is_refused_and_a_dry_run_changes_nothing()
    {
        using var machine = Zones("Etc/UTC", "Europe/Berlin");
        var zones = new TimeZoneProvider(machine.Root, new FakeCommandRunner(), new HostChangeGuard(() => false));

        (await Should.ThrowAsync<HostProviderException>(() => zones.SetAsync("Mars/Olympus", dryRun: true, Ct)))
            .Message.ShouldBe("zone: 'Mars/Olympus' is not in this host's zoneinfo database (/usr/share/zoneinfo/)");
        (await zones.SetAsync("Europe/Berlin", dryRun: true, Ct)).ShouldBe(new TimezoneChange("UTC", "Europe/Berlin", true));
        File.Exists(machine.PathOf("/etc/localtime")).ShouldBeFalse();
    }

    [Fact]
    public async Task Where_systemd_runs_timedatectl_reads_and_sets_the_zone()
    {
        using var machine = Zones("Europe/Berlin").CreateDirectory("/run/systemd/system");
        var runner = new FakeCommandRunner().Answer("timedatectl show --property=Timezone --value", "Etc/UTC\n");
        runner.AfterRun = call =>
        {
            if (call.CommandLine == "timedatectl set-timezone -- Europe/Berlin")
            {
                runner.Answer("timedatectl show --property=Timezone --value", "Europe/Berlin\n");
            }
        };

        var change = await new TimeZoneProvider(machine.Root, runner, Allowed).SetAsync("Europe/Berlin", dryRun: false, Ct);

        change.ShouldBe(new TimezoneChange("Etc/UTC", "Europe/Berlin", true));
        runner.Calls.Select(c => c.CommandLine).ShouldContain("timedatectl set-timezone -- Europe/Berlin");
    }

    [Fact]
    public async Task Timesyncd_status_reads_synchronised_offset_and_servers()
    {
        using var machine = new TempMachine().CreateDirectory("/run/systemd/system");
        var runner = new FakeCommandRunner()
            .Answer("timedatectl show --property=NTPSynchronized --value", "yes\n")
            .Answer("timedatectl show-timesync", Read("show-timesync.txt"))
            .Answer("timedatectl timesync-status", Read("timesync-status.txt"));

        var status = await Ntp(machine, runner).ReadAsync(Ct);

        (status.Service, status.Synchronized, status.ServerInUse).ShouldBe(("systemd-timesyncd", true, "ntp1.example.com"));
        status.OffsetSeconds.ShouldNotBeNull().ShouldBe(-0.001167, 1e-9);
        status.Servers.ShouldBe(["ntp1.example.com", "ntp2.example.com"]);
    }

    [Fact]
    public async Task Chrony_status_reads_the_tracking_and_sources_csv()
    {
        using var machine = Chrony();
        var runner = new FakeCommandRunner().Answer("chronyc -c tracking", Read("chronyc-tracking.csv")).Answer("chronyc -c sources", Read("chronyc-sources.csv"));

        var status = await Ntp(machine, runner).ReadAsync(Ct);

        (status.Service, status.Synchronized, status.ServerInUse, status.OffsetSeconds).ShouldBe(("chrony", true, "ntp1.example.com", -0.000012345));
        status.Servers.ShouldBe(["ntp1.example.com", "ntp2.example.com", "192.0.2.123"]);
    }

    [Fact]
    public async Task Setting_servers_writes_the_drop_in_and_restarts_timesyncd_once()
    {
        using var machine = new TempMachine().CreateDirectory("/run/systemd/system");
        var runner = new FakeCommandRunner();
        var ntp = Ntp(machine, runner);

        (await ntp.SetAsync(["ntp1.example.com", "192.0.2.10"], dryRun: false, Ct)).Changed.ShouldBeTrue();
        (await ntp.SetAsync(["ntp1.example.com", "192.0.2.10"], dryRun: false, Ct)).Changed.ShouldBeFalse();

        machine.Read("/etc/systemd/timesyncd.conf.d/hostops.conf").ShouldEndWith("[Time]\nNTP=ntp1.example.com 192.0.2.10\n");
        runner.Calls.ShouldHaveSingleItem().CommandLine.ShouldBe("systemctl restart --no-ask-password -- systemd-timesyncd.service");
    }

    [Fact]
    public async Task Setting_chrony_servers_writes_hostops_sources_and_reloads_them()
    {
        using var machine = Chrony();
        var runner = new FakeCommandRunner();

        (await Ntp(machine, runner).SetAsync(["ntp1.example.com"], dryRun: false, Ct)).Service.ShouldBe("chrony");

        machine.Read("/etc/chrony/sources.d/hostops.sources").ShouldEndWith("server ntp1.example.com iburst\n");
        runner.Calls.ShouldHaveSingleItem().CommandLine.ShouldBe("chronyc reload sources");
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_a_host_without_a_client_is_refused()
    {
        using var machine = Chrony();
        var runner = new FakeCommandRunner();

        (await Ntp(machine, runner, allowed: false).SetAsync(["ntp1.example.com"], dryRun: true, Ct)).Changed.ShouldBeTrue();
        File.Exists(machine.PathOf("/etc/chrony/sources.d/hostops.sources")).ShouldBeFalse();
        runner.Calls.ShouldBeEmpty();

        using var bare = new TempMachine();
        (await Should.ThrowAsync<HostProviderException>(() => Ntp(bare, runner).ReadAsync(Ct))).Message.ShouldStartWith("no NTP client found");
    }

    private static string Read(string file) => FixtureMachine.ReadText("debian12", "time/" + file);

    private static NtpClient Ntp(TempMachine machine, FakeCommandRunner runner, bool allowed = true) =>
        new(machine.Root, runner, new HostChangeGuard(() => allowed), new Systemctl(machine.Root, runner));

    private static TempMachine Chrony() =>
        new TempMachine().Write("/etc/chrony/chrony.conf", "pool 2.debian.pool.ntp.org iburst\nsourcedir /run/chrony-dhcp\nsourcedir /etc/chrony/sources.d\n");

    // A zoneinfo file starts with the TZif magic; the rest does not matter here.
    private static TempMachine Zones(params string[] zones)
    {
        var machine = new TempMachine();
        foreach (var zone in zones)
        {
            machine.Write("/usr/share/zoneinfo/" + zone, "TZif2\0\0\0");
        }

        return machine;
    }
}
