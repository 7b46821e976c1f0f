using System.Text.Json;
using HostOps.Agent.Operations;
using HostOps.Contracts.Operations.Command;
using HostOps.Providers;
using HostOps.Providers.Commands;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

/// <summary><c>command.exec.do</c> as the agent runs it: real runs of harmless programs on this machine.</summary>
public sealed class CommandHandlerTests : IDisposable
{
    private static readonly string Type = CommandOperations.Exec.Type;
    private static readonly CommandPolicy Enabled = new(true, []);

    private readonly string directory = Directory.CreateTempSubdirectory("hostops-exec-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_command_that_ran_is_ok_with_its_exit_code_and_output_even_when_it_failed()
    {
        using var host = new HandlerHost(HostRoot.Default, commands: Enabled);

        var json = await host.RunAsync(Type, """{"argv":["/bin/sh","-c","echo hi; exit 3"]}""");

        var item = JsonDocument.Parse(json).RootElement;
        item.GetProperty("hostname").GetString().ShouldBe(HandlerHost.AgentName);
        item.GetProperty("status").GetString().ShouldBe("ok");
        item.GetProperty("changed").GetBoolean().ShouldBeTrue();
        item.GetProperty("exit_code").GetInt32().ShouldBe(3);
        item.GetProperty("stdout").GetString().ShouldBe("hi\n");
        item.GetProperty("stderr").GetString().ShouldBe("");
        item.GetProperty("stdout_truncated").GetBoolean().ShouldBeFalse();
        item.GetProperty("timed_out").GetBoolean().ShouldBeFalse();
        item.TryGetProperty("duration_ms", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_agent_with_commands_disabled_fails_the_item_with_the_reason()
    {
        using var host = new HandlerHost(HostRoot.Default);

        var error = await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(Type, """{"argv":["/bin/echo","hi"]}"""));

        error.Message.ShouldBe("command execution is disabled on this agent (job.worker.command.enabled: false)");
    }

    [Fact]
    public async Task A_dry_run_answers_changed_and_runs_nothing()
    {
        var file = Path.Join(directory, "made");
        using var host = new HandlerHost(HostRoot.Default, hostChangesAllowed: false, commands: Enabled);

        var json = await host.RunAsync(Type, $$"""{"argv":["/usr/bin/touch","{{file}}"],"dry_run":true}""");

        var item = JsonDocument.Parse(json).RootElement;
        item.GetProperty("status").GetString().ShouldBe("ok");
        item.GetProperty("changed").GetBoolean().ShouldBeTrue();
        item.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["stdout_truncated", "stderr_truncated", "timed_out", "hostname", "status", "changed"], ignoreOrder: true);
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_HOSTOPS_ALLOW_HOST_CHANGES_the_command_does_not_run()
    {
        var file = Path.Join(directory, "made");
        using var host = new HandlerHost(HostRoot.Default, hostChangesAllowed: false, commands: Enabled);

        var error = await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(Type, $$"""{"argv":["/usr/bin/touch","{{file}}"]}"""));

        error.Message.ShouldStartWith($"running /usr/bin/touch refused: host changes are disabled on this agent; set {HostChangeGuard.VariableName}=1");
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task A_program_outside_the_allow_list_fails_the_item()
    {
        using var host = new HandlerHost(HostRoot.Default, commands: new CommandPolicy(true, ["/usr/bin/echo"]));

        var error = await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(Type, """{"argv":["/bin/sleep","1"]}"""));

        error.Message.ShouldStartWith("/bin/sleep");
        error.Message.ShouldContain("is not allowed on this agent (job.worker.command.allow: /usr/bin/echo)");
    }

    [Theory]
    [InlineData("""{"argv":[]}""", "data.argv: is required (the program and its arguments)")]
    [InlineData("""{"argv":["bin/echo"]}""", "data.argv[0]: 'bin/echo' is neither an absolute path nor a bare program name")]
    [InlineData("""{"argv":["/bin/echo"],"timeout":0}""", "data.timeout: 0 is out of range (1-300 seconds)")]
    [InlineData("""{"argv":["/bin/echo"],"env":{"1X":"y"}}""", "data.env: '1X' is not a variable name")]
    public async Task Bad_input_is_refused_before_anything_runs(string data, string error)
    {
        using var host = new HandlerHost(HostRoot.Default, commands: Enabled);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(Type, data))).Message.ShouldStartWith(error);
    }
}
