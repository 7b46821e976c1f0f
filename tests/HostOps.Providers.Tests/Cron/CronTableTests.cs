using HostOps.Contracts.Operations.Cron;
using HostOps.Providers.Commands;
using HostOps.Providers.Cron;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Cron;

/// <summary>Cron entries under a temporary root; <c>getent</c> answered as it answers on this machine (root: a passwd line, exit 0; an unknown user: nothing, exit 2).</summary>
public sealed class CronTableTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly CronEntry Backup = new() { Name = "backup", Schedule = "30 2 * * mon", User = "root", Command = "/usr/local/bin/backup --quiet 2>&1 | logger" };

    [Fact]
    [global::System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Set_writes_one_0644_file_then_reads_it_back_and_changes_nothing_the_second_time()
    {
        using var machine = new TempMachine().Write("/etc/cron.d/e2scrub_all", "30 3 * * 0 root true\n");
        var table = Table(machine, out _);

        var first = await table.SetAsync(Backup with { Schedule = "30  2 * *   mon" }, dryRun: false, Ct);
        var second = await table.SetAsync(Backup, dryRun: false, Ct);

        (first.Changed, second.Changed).ShouldBe((true, false));
        var path = machine.PathOf("/etc/cron.d/hostops-backup");
        File.ReadAllLines(path)[^1].ShouldBe("30 2 * * mon root /usr/local/bin/backup --quiet 2>&1 | logger");
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        table.Read("backup").ShouldBe(Backup);
        table.List().ShouldBe([Backup]); // e2scrub_all is not HostOps'
        Directory.GetFiles(machine.PathOf("/etc/cron.d")).Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_dry_run_answers_the_entry_and_writes_nothing_even_without_permission()
    {
        using var machine = new TempMachine();
        var table = new CronTable(machine.Root, Getent(), new HostChangeGuard(() => false));

        var change = await table.SetAsync(Backup with { Schedule = "@daily" }, dryRun: true, Ct);

        (change.Changed, change.Entry.Schedule).ShouldBe((true, "@daily"));
        Directory.Exists(machine.PathOf("/etc/cron.d")).ShouldBeFalse();
        (await Should.ThrowAsync<HostProviderException>(() => table.SetAsync(Backup, dryRun: false, Ct))).Message.ShouldContain("HOSTOPS_ALLOW_HOST_CHANGES=1");
    }

    [Fact]
    public async Task A_user_the_host_does_not_have_is_refused_before_anything_is_written()
    {
        using var machine = new TempMachine();
        var table = Table(machine, out var runner);

        (await Should.ThrowAsync<HostProviderException>(() => table.SetAsync(Backup with { User = "hostops-test-nobody" }, dryRun: true, Ct)))
            .Message.ShouldBe("user: 'hostops-test-nobody' does not exist on this host");
        runner.Calls.ShouldHaveSingleItem().CommandLine.ShouldBe("getent passwd -- hostops-test-nobody");
        Directory.Exists(machine.PathOf("/etc/cron.d")).ShouldBeFalse();
    }

    [Fact]
    public async Task Delete_removes_the_file_once_and_a_missing_entry_reads_as_refused()
    {
        using var machine = new TempMachine();
        var table = Table(machine, out _);
        await table.SetAsync(Backup, dryRun: false, Ct);

        table.Delete("backup", dryRun: true).Changed.ShouldBeTrue();
        File.Exists(machine.PathOf("/etc/cron.d/hostops-backup")).ShouldBeTrue();
        table.Delete("backup", dryRun: false).Changed.ShouldBeTrue();
        table.Delete("backup", dryRun: false).Changed.ShouldBeFalse();
        Should.Throw<HostProviderException>(() => table.Read("backup")).Message.ShouldStartWith("backup: no HostOps cron entry of that name");
    }

    [Theory]
    [InlineData("*/5 * * * *", null)]
    [InlineData("0 9-17/2 1,15 jan mon", null)]
    [InlineData("0 0 * * 7", null)]
    [InlineData("@reboot", null)]
    [InlineData("@weekly", null)]
    [InlineData("@every5m", "schedule: '@every5m' is not one of @reboot")]
    [InlineData("* * * *", "schedule: '* * * *' is not five fields")]
    [InlineData("60 * * * *", "schedule: '60 * * * *': the minute field '60' is not in 0-59")]
    [InlineData("0 24 * * *", "schedule: '0 24 * * *': the hour field '24' is not in 0-23")]
    [InlineData("0 0 0 * *", "schedule: '0 0 0 * *': the day of month field '0' is not in 1-31")]
    [InlineData("0 0 * 13 *", "schedule: '0 0 * 13 *': the month field '13' is not in 1-12 (or a single name jan…dec)")]
    [InlineData("0 0 * * funday", "schedule: '0 0 * * funday': the day of week field 'funday' is not in 0-7")]
    [InlineData("0 0 * * mon-fri", "schedule: '0 0 * * mon-fri': the day of week field 'mon-fri' is not in 0-7")]
    [InlineData("*/0 * * * *", "schedule: '*/0 * * * *': the minute field '*/0' has a bad step")]
    [InlineData("5-1 * * * *", "schedule: '5-1 * * * *': the minute field '5-1' has a range that runs backwards")]
    [InlineData("0 0 * * *; reboot", "schedule: '0 0 * * *; reboot' is not five fields")]
    public void Schedules_follow_crontab_5(string schedule, string? error)
    {
        var refused = CronRules.Schedule("schedule", schedule);
        if (error is null)
        {
            refused.ShouldBeNull();
        }
        else
        {
            refused.ShouldNotBeNull().ShouldStartWith(error);
        }
    }

    private static CronTable Table(TempMachine machine, out FakeCommandRunner runner)
    {
        runner = Getent();
        return new CronTable(machine.Root, runner, new HostChangeGuard(() => true));
    }

    private static FakeCommandRunner Getent() => new FakeCommandRunner()
        .Answer("getent passwd -- root", "root:x:0:0:root:/root:/bin/bash\n")
        .Answer("getent passwd -- hostops-test-nobody", new CommandResult(2, "", ""));
}
