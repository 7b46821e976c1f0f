using HostOps.Agent.Operations;
using HostOps.Contracts.Operations.Hostname;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

/// <summary><c>system.hostname.set</c> on a machine laid out in a temporary directory (no systemd there).</summary>
public sealed class HostnameSetHandlerTests
{
    private static readonly string Type = HostnameOperations.Set.Type;

    [Fact]
    public async Task Sets_the_kernel_name_and_etc_hostname_then_reports_no_change_the_second_time()
    {
        using var machine = Machine("old-name");
        using var host = new HandlerHost(machine.Root);

        var first = await host.RunAsync(Type, """{"name":"web-01"}""");
        var second = await host.RunAsync(Type, """{"name":"web-01"}""");

        first.ShouldBe("""{"hostname":"agent-1","status":"ok","changed":true,"previous":"old-name","current":"web-01"}""");
        second.ShouldBe("""{"hostname":"agent-1","status":"ok","changed":false,"previous":"web-01","current":"web-01"}""");
        machine.Read("/etc/hostname").ShouldBe("web-01\n");
        machine.Read("/proc/sys/kernel/hostname").ShouldBe("web-01");
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_name_missing_only_from_etc_hostname_is_still_a_change()
    {
        using var machine = Machine("web-01").Write("/etc/hostname", "stale\n");
        using var host = new HandlerHost(machine.Root);

        (await host.RunAsync(Type, """{"name":"web-01"}""")).ShouldContain("\"changed\":true");
        machine.Read("/etc/hostname").ShouldBe("web-01\n");
    }

    [Fact]
    public async Task A_dry_run_reports_the_change_and_writes_nothing_even_without_permission()
    {
        using var machine = Machine("old-name");
        using var host = new HandlerHost(machine.Root, hostChangesAllowed: false);

        var json = await host.RunAsync(Type, """{"name":"web-01","dry_run":true}""");

        json.ShouldBe("""{"hostname":"agent-1","status":"ok","changed":true,"previous":"old-name","current":"old-name"}""");
        machine.Read("/etc/hostname").ShouldBe("old-name\n");
    }

    [Fact]
    public async Task Without_permission_a_change_fails_and_nothing_is_written()
    {
        using var machine = Machine("old-name");
        using var host = new HandlerHost(machine.Root, hostChangesAllowed: false);

        var error = await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(Type, """{"name":"web-01"}"""));

        error.Message.ShouldContain("HOSTOPS_ALLOW_HOST_CHANGES=1");
        machine.Read("/etc/hostname").ShouldBe("old-name\n");
    }

    [Fact]
    public async Task Where_systemd_runs_hostnamectl_sets_it()
    {
        using var machine = Machine("old-name").CreateDirectory("/run/systemd/system");
        using var host = new HandlerHost(machine.Root);
        host.Commands.Answer("hostnamectl set-hostname web-01", "");

        await host.RunAsync(Type, """{"name":"web-01"}""");

        host.Commands.Calls.ShouldHaveSingleItem().Arguments.ShouldBe(["set-hostname", "web-01"]);
    }

    [Theory]
    [InlineData("""{"name":"-web"}""", "data.name: '-web' is not a valid hostname")]
    [InlineData("""{"name":"a b"}""", "data.name: 'a b' is not a valid hostname")]
    [InlineData("{}", "data.name: is required")]
    public async Task Bad_input_fails_before_anything_runs(string data, string error)
    {
        using var machine = Machine("old-name");
        using var host = new HandlerHost(machine.Root);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(Type, data))).Message.ShouldStartWith(error);
        machine.Read("/etc/hostname").ShouldBe("old-name\n");
    }

    private static TempMachine Machine(string name) =>
        new TempMachine().Write("/etc/hostname", name + "\n").Write("/proc/sys/kernel/hostname", name);
}
