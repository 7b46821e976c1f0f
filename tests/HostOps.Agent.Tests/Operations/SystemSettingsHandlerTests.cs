using HostOps.Agent.Operations;
using HostOps.Contracts.Operations.Cron;
using HostOps.Contracts.Operations.Sysctl;
using HostOps.Contracts.Operations.Time;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

/// <summary>The sysctl, cron and time zone handlers on a machine laid out in a temporary directory.</summary>
public sealed class SystemSettingsHandlerTests
{
    [Fact]
    public async Task Sysctl_set_answers_the_item_then_no_change_and_a_dry_run_writes_nothing()
    {
        using var machine = new TempMachine().Write("/proc/sys/vm/swappiness", "60\n");
        using var host = new HandlerHost(machine.Root);

        var dry = await host.RunAsync(SysctlOperations.Set.Type, """{"key":"vm.swappiness","value":"10","persist":true,"dry_run":true}""");
        machine.Read("/proc/sys/vm/swappiness").ShouldBe("60\n");
        var first = await host.RunAsync(SysctlOperations.Set.Type, """{"key":"vm.swappiness","value":"10","persist":true}""");
        var second = await host.RunAsync(SysctlOperations.Set.Type, """{"key":"vm.swappiness","value":"10","persist":true}""");

        dry.ShouldBe("""{"hostname":"agent-1","status":"ok","changed":true,"key":"vm.swappiness","value":"10","persisted":"10"}""");
        first.ShouldBe(dry);
        second.ShouldContain("\"changed\":false");
        machine.Read("/proc/sys/vm/swappiness").ShouldBe("10\n");
    }

    [Fact]
    public async Task Without_permission_changes_fail_and_nothing_is_written()
    {
        using var machine = new TempMachine().Write("/proc/sys/vm/swappiness", "60\n");
        using var host = new HandlerHost(machine.Root, hostChangesAllowed: false);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(SysctlOperations.Set.Type, """{"key":"vm.swappiness","value":"10"}""")))
            .Message.ShouldContain("HOSTOPS_ALLOW_HOST_CHANGES=1");
        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(CronOperations.Set.Type, """{"name":"backup","schedule":"@daily","user":"root","command":"true"}""")))
            .Message.ShouldContain("HOSTOPS_ALLOW_HOST_CHANGES=1");
        machine.Read("/proc/sys/vm/swappiness").ShouldBe("60\n");
        Directory.Exists(machine.PathOf("/etc/cron.d")).ShouldBeFalse();
    }

    [Fact]
    public async Task Cron_set_then_list_and_delete()
    {
        using var machine = new TempMachine();
        using var host = new HandlerHost(machine.Root);

        (await host.RunAsync(CronOperations.Set.Type, """{"name":"backup","schedule":"@daily","user":"root","command":"/usr/local/bin/backup"}"""))
            .ShouldBe("""{"hostname":"agent-1","status":"ok","changed":true,"name":"backup","schedule":"@daily","user":"root","command":"/usr/local/bin/backup"}""");
        (await host.RunAsync(CronOperations.List.Type)).ShouldContain("""
            "entries":[{"name":"backup","schedule":"@daily","user":"root","command":"/usr/local/bin/backup"}]
            """);
        (await host.RunAsync(CronOperations.Delete.Type, """{"name":"backup"}""")).ShouldContain("\"changed\":true");
        (await host.RunAsync(CronOperations.Delete.Type, """{"name":"backup"}""")).ShouldContain("\"changed\":false");
    }

    [Theory]
    [InlineData("sysctl.set.do", """{"key":"../etc","value":"1"}""", "data.key: '../etc' is not a sysctl key")]
    [InlineData("cron.set.do", """{"name":"backup","schedule":"* * *","user":"root","command":"true"}""", "data.schedule: '* * *' is not five fields")]
    [InlineData("timezone.set.do", """{"zone":"/etc/shadow"}""", "data.zone: '/etc/shadow' is not a time zone name")]
    public async Task Bad_input_fails_before_anything_runs(string type, string data, string error)
    {
        using var machine = new TempMachine();
        using var host = new HandlerHost(machine.Root);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(type, data))).Message.ShouldStartWith(error);
        host.Commands.Calls.ShouldBeEmpty();
        TimeOperations.ZoneSet.Type.ShouldBe("timezone.set.do");
    }
}
