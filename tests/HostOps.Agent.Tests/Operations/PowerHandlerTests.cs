using System.Text.Json;
using HostOps.Agent.Operations;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

/// <summary>The handlers run with the fake command runner: nothing here ever reboots.</summary>
public sealed class PowerHandlerTests
{
    [Theory]
    [InlineData("power.reboot.do", "reboot")]
    [InlineData("power.shutdown.do", "poweroff")]
    public async Task Schedules_through_a_systemd_timer_and_answers_when(string operation, string verb)
    {
        using var machine = new TempMachine().CreateDirectory("/run/systemd/system");
        using var host = new HandlerHost(machine.Root);
        var before = DateTimeOffset.UtcNow;

        var item = JsonDocument.Parse(await host.RunAsync(operation, """{"delay":120,"message":"kernel update"}""")).RootElement;

        item.GetProperty("status").GetString().ShouldBe("ok");
        item.GetProperty("changed").GetBoolean().ShouldBeTrue();
        item.GetProperty("scheduled_at").GetDateTimeOffset().ShouldBeInRange(before.AddSeconds(119), DateTimeOffset.UtcNow.AddSeconds(120));
        var call = host.Commands.Calls.ShouldHaveSingleItem();
        item.GetProperty("unit").GetString().ShouldBe(call.Arguments[3] + ".timer");
        call.CommandLine.ShouldBe(
            $"systemd-run --on-active=120s --timer-property=AccuracySec=1s --unit {call.Arguments[3]} " +
            $"--description=HostOps scheduled {(verb == "reboot" ? "reboot" : "power-off")} systemctl {verb} --message=kernel update");
    }

    [Fact]
    public async Task The_delay_defaults_to_five_seconds()
    {
        using var machine = new TempMachine().CreateDirectory("/run/systemd/system");
        using var host = new HandlerHost(machine.Root);

        await host.RunAsync("power.reboot.do", "{}");

        host.Commands.Calls.ShouldHaveSingleItem().Arguments[0].ShouldBe("--on-active=5s");
    }

    [Fact]
    public async Task A_dry_run_runs_nothing()
    {
        using var machine = new TempMachine().CreateDirectory("/run/systemd/system");
        using var host = new HandlerHost(machine.Root, hostChangesAllowed: false);

        var item = JsonDocument.Parse(await host.RunAsync("power.shutdown.do", """{"delay":60,"dry_run":true}""")).RootElement;

        item.GetProperty("changed").GetBoolean().ShouldBeTrue();
        item.TryGetProperty("unit", out _).ShouldBeFalse();
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_permission_it_fails_and_runs_nothing()
    {
        using var machine = new TempMachine();
        using var host = new HandlerHost(machine.Root, hostChangesAllowed: false);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("power.reboot.do", """{"delay":5}""")))
            .Message.ShouldStartWith("scheduling a reboot in 5s refused: host changes are disabled on this agent");
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"delay":4}""", "delay: 4 is out of range (5-3600 seconds)")]
    [InlineData("""{"delay":3601}""", "delay: 3601 is out of range (5-3600 seconds)")]
    [InlineData("""{"message":"one\ntwo"}""", "message: must be printable (no control characters or line breaks)")]
    [InlineData("""{"message":"\u001b[2J"}""", "message: must be printable (no control characters or line breaks)")]
    public async Task Refuses_bad_input_before_running_anything(string data, string error)
    {
        using var machine = new TempMachine().CreateDirectory("/run/systemd/system");
        using var host = new HandlerHost(machine.Root);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("power.reboot.do", data))).Message.ShouldBe("data." + error);
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Refuses_a_message_over_200_characters()
    {
        using var machine = new TempMachine().CreateDirectory("/run/systemd/system");
        using var host = new HandlerHost(machine.Root);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("power.shutdown.do", $$"""{"message":"{{new string('x', 201)}}"}""")))
            .Message.ShouldBe("data.message: 201 characters, the limit is 200");
        host.Commands.Calls.ShouldBeEmpty();
    }
}
