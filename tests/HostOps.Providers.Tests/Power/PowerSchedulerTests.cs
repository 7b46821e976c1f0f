using HostOps.Providers.Commands;
using HostOps.Providers.Power;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Power;

/// <summary>Every test here uses the fake runner: nothing ever reboots.</summary>
public sealed class PowerSchedulerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly HostChangeGuard Allowed = new(() => true);

    [Theory]
    [InlineData(PowerAction.Reboot, "reboot", "reboot")]
    [InlineData(PowerAction.PowerOff, "poweroff", "power-off")]
    public async Task With_systemd_a_transient_timer_runs_systemctl_after_the_delay(PowerAction action, string verb, string what)
    {
        using var machine = new TempMachine().CreateDirectory("/run/systemd/system");
        var runner = new FakeCommandRunner();
        var before = DateTimeOffset.UtcNow;

        var schedule = await new PowerScheduler(machine.Root, runner, Allowed).ScheduleAsync(action, 90, "kernel update; -f", dryRun: false, Ct);

        var call = runner.Calls.ShouldHaveSingleItem();
        call.FileName.ShouldBe("systemd-run");
        var unit = call.Arguments[3];
        unit.ShouldMatch("^hostops-power-[0-9a-f]{12}$");
        call.Arguments.ShouldBe([
            "--on-active=90s", "--timer-property=AccuracySec=1s", "--unit", unit, $"--description=HostOps scheduled {what}",
            "systemctl", verb, "--message=kernel update; -f",
        ]);
        schedule.Unit.ShouldBe(unit + ".timer");
        schedule.ScheduledAt.ShouldBeInRange(before.AddSeconds(89), DateTimeOffset.UtcNow.AddSeconds(90));
    }

    [Theory]
    [InlineData(PowerAction.Reboot, 5, "-r", "+1")]
    [InlineData(PowerAction.Reboot, 60, "-r", "+1")]
    [InlineData(PowerAction.PowerOff, 61, "-P", "+2")]
    [InlineData(PowerAction.PowerOff, 3600, "-P", "+60")]
    public async Task Without_systemd_shutdown_gets_the_delay_rounded_up_to_minutes(PowerAction action, int delay, string flag, string minutes)
    {
        using var machine = new TempMachine();
        var runner = new FakeCommandRunner();
        var before = DateTimeOffset.UtcNow;

        var schedule = await new PowerScheduler(machine.Root, runner, Allowed).ScheduleAsync(action, delay, "-h now", dryRun: false, Ct);

        // "--" ends shutdown's options: the message stays wall text even when it looks like an option.
        runner.Calls.Select(c => c.FileName + "|" + string.Join('|', c.Arguments)).ShouldBe([$"shutdown|{flag}|--|{minutes}|-h now"]);
        schedule.Unit.ShouldBeNull();
        var seconds = int.Parse(minutes[1..], global::System.Globalization.CultureInfo.InvariantCulture) * 60;
        schedule.ScheduledAt.ShouldBeInRange(before.AddSeconds(seconds - 1), DateTimeOffset.UtcNow.AddSeconds(seconds));
    }

    [Fact]
    public async Task Without_a_message_none_is_passed()
    {
        using var machine = new TempMachine().CreateDirectory("/run/systemd/system");
        var runner = new FakeCommandRunner();

        await new PowerScheduler(machine.Root, runner, Allowed).ScheduleAsync(PowerAction.Reboot, 5, null, dryRun: false, Ct);

        runner.Calls.ShouldHaveSingleItem().Arguments.TakeLast(2).ShouldBe(["systemctl", "reboot"]);
    }

    [Fact]
    public async Task A_dry_run_runs_nothing_and_needs_no_permission()
    {
        using var machine = new TempMachine().CreateDirectory("/run/systemd/system");
        var runner = new FakeCommandRunner();
        var before = DateTimeOffset.UtcNow;

        var schedule = await new PowerScheduler(machine.Root, runner, new HostChangeGuard(() => false)).ScheduleAsync(PowerAction.Reboot, 300, "x", dryRun: true, Ct);

        runner.Calls.ShouldBeEmpty();
        schedule.ScheduledAt.ShouldBeInRange(before.AddSeconds(299), DateTimeOffset.UtcNow.AddSeconds(300));
        schedule.Unit.ShouldBeNull();
    }

    [Fact]
    public async Task Without_permission_nothing_runs()
    {
        using var machine = new TempMachine().CreateDirectory("/run/systemd/system");
        var runner = new FakeCommandRunner();

        var error = await Should.ThrowAsync<HostProviderException>(
            () => new PowerScheduler(machine.Root, runner, new HostChangeGuard(() => false)).ScheduleAsync(PowerAction.PowerOff, 5, null, dryRun: false, Ct));

        error.Message.ShouldStartWith("scheduling a power-off in 5s refused: host changes are disabled");
        runner.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failing_shutdown_fails_with_its_reason()
    {
        using var machine = new TempMachine();
        var runner = new FakeCommandRunner().Answer("shutdown -r -- +1", new CommandResult(1, "", FixtureText("systemd-run-without-systemd.txt")));

        var error = await Should.ThrowAsync<HostProviderException>(
            () => new PowerScheduler(machine.Root, runner, Allowed).ScheduleAsync(PowerAction.Reboot, 5, null, dryRun: false, Ct));

        error.Message.ShouldBe("shutdown failed: System has not been booted with systemd as init system (PID 1). Can't operate.");
    }

    private static string FixtureText(string name) => FixtureMachine.ReadText("debian12", Path.Combine("power", name));
}
