using HostOps.Providers.Commands;
using HostOps.Providers.Services;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;
using static HostOps.Providers.Tests.Services.SystemctlFixtures;

namespace HostOps.Providers.Tests.Services;

public sealed class ServiceControllerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly HostChangeGuard Allowed = new(() => true);

    [Theory]
    [InlineData(ServiceAction.Start, "ssh")] // running
    [InlineData(ServiceAction.Stop, "postgresql")] // inactive
    [InlineData(ServiceAction.Stop, "nginx")] // failed
    [InlineData(ServiceAction.Enable, "ssh")] // enabled
    [InlineData(ServiceAction.Disable, "postgresql")] // disabled
    [InlineData(ServiceAction.Disable, "dbus")] // static: nothing enables it
    public async Task An_action_with_nothing_to_do_changes_nothing_and_runs_only_the_reading(ServiceAction action, string name)
    {
        using var machine = WithSystemd();
        var runner = Units(name);

        var change = await Controller(machine, runner).RunAsync(action, name, dryRun: false, Ct);

        change.Changed.ShouldBeFalse();
        change.State.Name.ShouldBe(name + ".service");
        runner.Calls.ShouldHaveSingleItem().Arguments[0].ShouldBe("show");
    }

    [Theory]
    [InlineData(ServiceAction.Start, "nginx", "active", "enabled")]
    [InlineData(ServiceAction.Stop, "ssh", "inactive", "enabled")]
    [InlineData(ServiceAction.Restart, "ssh", "active", "enabled")]
    [InlineData(ServiceAction.Reload, "ssh", "active", "enabled")]
    [InlineData(ServiceAction.Enable, "postgresql", "inactive", "enabled")]
    [InlineData(ServiceAction.Disable, "ssh", "active", "disabled")]
    public async Task A_dry_run_answers_what_would_change_and_runs_only_the_reading(ServiceAction action, string name, string activeState, string enabled)
    {
        using var machine = WithSystemd();
        var runner = Units(name);

        var change = await new ServiceController(new Systemctl(machine.Root, runner), new HostChangeGuard(() => false)).RunAsync(action, name, dryRun: true, Ct);

        change.Changed.ShouldBeTrue();
        (change.State.ActiveState, change.State.UnitFileState).ShouldBe((activeState, enabled));
        runner.Calls.ShouldHaveSingleItem().Arguments[0].ShouldBe("show");
    }

    [Fact]
    public async Task Start_runs_systemctl_start_after_a_double_dash_and_answers_the_state_after()
    {
        using var machine = WithSystemd();
        var runner = Units("nginx");
        var started = Read("show-nginx.txt").Replace("ActiveState=failed", "ActiveState=active").Replace("SubState=failed", "SubState=running");

        // systemctl show reports the unit differently once systemctl start ran.
        runner.AfterRun = call =>
        {
            if (call.CommandLine == "systemctl start --no-ask-password -- nginx.service")
            {
                runner.Answer(Show("nginx.service"), started);
            }
        };

        var change = await Controller(machine, runner).RunAsync(ServiceAction.Start, "nginx", dryRun: false, Ct);

        change.Changed.ShouldBeTrue();
        change.State.ActiveState.ShouldBe("active");
        runner.Calls.Select(c => string.Join('|', c.Arguments.Take(1).Concat(c.Arguments.TakeLast(2)))).ShouldBe([
            "show|--|nginx.service", "start|--|nginx.service", "show|--|nginx.service"]);
    }

    [Theory]
    [InlineData(ServiceAction.Restart, "restart")]
    [InlineData(ServiceAction.Reload, "reload")]
    [InlineData(ServiceAction.Stop, "stop")]
    [InlineData(ServiceAction.Disable, "disable")]
    public async Task Restart_reload_stop_and_disable_of_a_running_enabled_service_run_their_verb(ServiceAction action, string verb)
    {
        using var machine = WithSystemd();
        var runner = Units("ssh");

        var change = await Controller(machine, runner).RunAsync(action, "ssh.service", dryRun: false, Ct);

        change.Changed.ShouldBeTrue();
        runner.Calls.Select(c => c.CommandLine).ShouldContain($"systemctl {verb} --no-ask-password -- ssh.service");
    }

    [Theory]
    [InlineData(ServiceAction.Reload, "cron", "cron.service cannot reload (it has no ExecReload=); restart it instead")]
    [InlineData(ServiceAction.Reload, "postgresql", "postgresql.service is inactive, not running; only a running service reloads")]
    [InlineData(ServiceAction.Enable, "dbus", "dbus.service is static (no [Install] section): it cannot be enabled, only started by what needs it")]
    public async Task What_systemctl_would_refuse_is_refused_with_the_reason_before_any_change(ServiceAction action, string name, string error)
    {
        using var machine = WithSystemd();
        var runner = new FakeCommandRunner()
            .Answer(Show("cron.service"), Read("show-list.txt").Split("\n\n")[0])
            .Answer(Show("postgresql.service"), Read("show-postgresql.txt"))
            .Answer(Show("dbus.service"), Read("show-dbus.txt"));

        (await Should.ThrowAsync<HostProviderException>(() => Controller(machine, runner).RunAsync(action, name, dryRun: true, Ct))).Message.ShouldBe(error);
        runner.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_unit_systemd_does_not_know_is_refused()
    {
        using var machine = WithSystemd();
        var runner = new FakeCommandRunner().Answer(Show("nope.service"), Read("show-not-found.txt"));

        (await Should.ThrowAsync<HostProviderException>(() => Controller(machine, runner).RunAsync(ServiceAction.Start, "nope", dryRun: false, Ct)))
            .Message.ShouldBe("nope.service not found");
        runner.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_systemctl_fails_with_its_reason()
    {
        using var machine = WithSystemd();
        var runner = Units("nginx").Answer(
            "systemctl start --no-ask-password -- nginx.service",
            new CommandResult(1, "", "Job for nginx.service failed because the control process exited with error code.\nSee \"systemctl status nginx.service\" and \"journalctl -xeu nginx.service\" for details.\n"));

        (await Should.ThrowAsync<HostProviderException>(() => Controller(machine, runner).RunAsync(ServiceAction.Start, "nginx", dryRun: false, Ct)))
            .Message.ShouldBe("systemctl start nginx.service failed: Job for nginx.service failed because the control process exited with error code.");
    }

    [Fact]
    public async Task A_closed_guard_refuses_before_the_action_runs()
    {
        using var machine = WithSystemd();
        var runner = Units("nginx");

        var error = await Should.ThrowAsync<HostProviderException>(
            () => new ServiceController(new Systemctl(machine.Root, runner), new HostChangeGuard(() => false)).RunAsync(ServiceAction.Start, "nginx", dryRun: false, Ct));

        error.Message.ShouldBe("start nginx.service refused: host changes are disabled on this agent; set HOSTOPS_ALLOW_HOST_CHANGES=1 in its environment to allow them");
        runner.Calls.ShouldHaveSingleItem().Arguments[0].ShouldBe("show");
    }

    [Fact]
    public async Task Without_systemd_nothing_runs()
    {
        using var machine = new TempMachine();
        var runner = new FakeCommandRunner();

        (await Should.ThrowAsync<HostProviderException>(() => Controller(machine, runner).RunAsync(ServiceAction.Restart, "ssh", dryRun: false, Ct)))
            .Message.ShouldBe("systemd is not running on this host");
        runner.Calls.ShouldBeEmpty();
    }

    private static ServiceController Controller(TempMachine machine, ICommandRunner runner) => new(new Systemctl(machine.Root, runner), Allowed);
}
