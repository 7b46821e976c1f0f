using HostOps.Agent.Operations;
using HostOps.Providers.Services;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

public sealed class ServiceHandlerTests : IDisposable
{
    private static readonly string ShowProperties = $"--property={SystemctlOutput.ShowProperties} --no-pager --";

    private readonly TempMachine machine = new TempMachine().CreateDirectory("/run/systemd/system");

    [Fact]
    public async Task List_answers_each_service_with_its_states()
    {
        using var host = Host();
        host.Commands
            .Answer("systemctl list-units --type=service --all --plain --no-legend --no-pager --full", "ssh.service loaded active running OpenBSD Secure Shell server\n")
            .Answer("systemctl list-unit-files --type=service --no-legend --no-pager", "ssh.service enabled enabled\n")
            .Answer($"systemctl show {ShowProperties} ssh.service", Fixture("show-ssh.txt"));

        var json = await host.RunAsync("service.list.get", "{}");

        json.ShouldBeJson("""{"hostname":"agent-1","status":"ok","changed":false,"services":[{"name":"ssh.service","load_state":"loaded","active_state":"active","sub_state":"running","enabled":"enabled","description":"OpenBSD Secure Shell server"}]}""");
    }

    [Fact]
    public async Task Detail_answers_the_main_process_and_since_when_it_runs()
    {
        using var host = Host();
        host.Commands.Answer($"systemctl show {ShowProperties} ssh.service", Fixture("show-ssh.txt"));

        var json = await host.RunAsync("service.detail.get", """{"name":"ssh"}""");

        json.ShouldBeJson("""{"hostname":"agent-1","status":"ok","changed":false,"name":"ssh.service","load_state":"loaded","active_state":"active","sub_state":"running","enabled":"enabled","description":"OpenBSD Secure Shell server","main_pid":612,"since":"Sat 2026-11-28 09:14:02 UTC"}""");
    }

    [Fact]
    public async Task Starting_a_running_service_is_unchanged()
    {
        using var host = Host();
        host.Commands.Answer($"systemctl show {ShowProperties} ssh.service", Fixture("show-ssh.txt"));

        var json = await host.RunAsync("service.start.do", """{"name":"ssh"}""");

        json.ShouldBeJson("""{"hostname":"agent-1","status":"ok","changed":false,"name":"ssh.service","active_state":"active","enabled":"enabled"}""");
        host.Commands.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_dry_run_answers_the_change_and_changes_nothing_even_where_changes_are_refused()
    {
        using var host = Host(hostChangesAllowed: false);
        host.Commands.Answer($"systemctl show {ShowProperties} nginx.service", Fixture("show-nginx.txt"));

        var json = await host.RunAsync("service.start.do", """{"name":"nginx","dry_run":true}""");

        json.ShouldBeJson("""{"hostname":"agent-1","status":"ok","changed":true,"name":"nginx.service","active_state":"active","enabled":"enabled"}""");
        host.Commands.Calls.ShouldHaveSingleItem().Arguments[0].ShouldBe("show");
    }

    [Fact]
    public async Task A_change_runs_systemctl_and_answers_changed()
    {
        using var host = Host();
        host.Commands.Answer($"systemctl show {ShowProperties} ssh.service", Fixture("show-ssh.txt"));

        var json = await host.RunAsync("service.restart.do", """{"name":"ssh.service"}""");

        json.ShouldBeJson("""{"hostname":"agent-1","status":"ok","changed":true,"name":"ssh.service","active_state":"active","enabled":"enabled"}""");
        host.Commands.Calls.Select(c => c.CommandLine).ShouldContain("systemctl restart --no-ask-password -- ssh.service");
    }

    [Fact]
    public async Task Without_permission_for_host_changes_the_job_fails_before_systemctl_acts()
    {
        using var host = Host(hostChangesAllowed: false);
        host.Commands.Answer($"systemctl show {ShowProperties} ssh.service", Fixture("show-ssh.txt"));

        var error = await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("service.stop.do", """{"name":"ssh"}"""));

        error.Message.ShouldBe("stop ssh.service refused: host changes are disabled on this agent; set HOSTOPS_ALLOW_HOST_CHANGES=1 in its environment to allow them");
        host.Commands.Calls.ShouldHaveSingleItem().Arguments[0].ShouldBe("show");
    }

    [Theory]
    [InlineData("service.enable.do", """{"name":"--now"}""", "data.name: '--now' is not a valid unit name")]
    [InlineData("service.detail.get", """{"name":"sshd.socket"}""", "data.name: 'sshd.socket' is a socket unit")]
    [InlineData("service.list.get", """{"state":"running"}""", "data.state: 'running' is not an active state")]
    [InlineData("service.list.get", """{"pattern":"a b"}""", "data.pattern: 'a b' is not a unit name pattern")]
    public async Task Bad_input_fails_naming_the_field_before_anything_runs(string type, string data, string error)
    {
        using var host = Host();

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(type, data))).Message.ShouldStartWith(error);
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_systemd_the_job_fails_with_the_reason()
    {
        using var empty = new TempMachine();
        using var host = new HandlerHost(empty.Root);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("service.list.get", "{}"))).Message.ShouldBe("systemd is not running on this host");
    }

    public void Dispose() => machine.Dispose();

    private static string Fixture(string file) => FixtureMachine.ReadText("debian12", "systemctl/" + file);

    private HandlerHost Host(bool hostChangesAllowed = true) => new(machine.Root, hostChangesAllowed);
}
