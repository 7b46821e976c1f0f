using System.Runtime.Versioning;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Command;
using HostOps.Providers.Commands;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Commands;

/// <summary>The agent's checks before a command runs, and real runs of harmless programs.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class CommandExecutorTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private readonly string directory = Directory.CreateTempSubdirectory("hostops-exec-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_disabled_agent_refuses_every_command()
    {
        var error = await Should.ThrowAsync<HostProviderException>(() => Executor(CommandPolicy.Disabled).ExecAsync(Request("/bin/echo", "hi"), Ct));

        error.Message.ShouldBe("command execution is disabled on this agent (job.worker.command.enabled: false)");
    }

    [Fact]
    public async Task An_enabled_agent_runs_the_command_and_answers_its_exit_code_and_output()
    {
        var result = await Executor(new CommandPolicy(true, [])).ExecAsync(Request("/bin/sh", "-c", "echo out; echo err >&2; exit 3"), Ct);

        result.Status.ShouldBe(OutcomeStatus.Ok);
        result.Changed.ShouldBeTrue();
        result.ExitCode.ShouldBe(3);
        result.Stdout.ShouldBe("out\n");
        result.Stderr.ShouldBe("err\n");
        result.TimedOut.ShouldBeFalse();
        result.DurationMs.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task A_bare_name_is_found_on_the_path_and_checked_there()
    {
        var result = await Executor(new CommandPolicy(true, ["/usr/bin/echo"])).ExecAsync(Request("echo", "hi"), Ct);

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldBe("hi\n");
    }

    [Fact]
    public async Task The_allow_list_refuses_other_programs()
    {
        var policy = new CommandPolicy(true, ["/usr/bin/echo", "/usr/local/bin/*"]);

        var error = await Should.ThrowAsync<HostProviderException>(() => Executor(policy).ExecAsync(Request("/usr/bin/touch", Path.Join(directory, "made")), Ct));

        error.Message.ShouldBe("/usr/bin/touch is not allowed on this agent (job.worker.command.allow: /usr/bin/echo, /usr/local/bin/*)");
        File.Exists(Path.Join(directory, "made")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_allow_list_matches_the_path_given_or_where_its_links_lead()
    {
        var link = Path.Join(directory, "say");
        File.CreateSymbolicLink(link, "/usr/bin/echo");

        var result = await Executor(new CommandPolicy(true, ["/usr/bin/*"])).ExecAsync(Request(link, "linked"), Ct);

        result.Stdout.ShouldBe("linked\n");
    }

    [Fact]
    public async Task A_glob_does_not_reach_into_subdirectories()
    {
        var policy = new CommandPolicy(true, ["/usr/*"]);

        var error = await Should.ThrowAsync<HostProviderException>(() => Executor(policy).ExecAsync(Request("/usr/bin/echo"), Ct));

        error.Message.ShouldStartWith("/usr/bin/echo is not allowed on this agent");
    }

    [Theory]
    [InlineData("/nonexistent/program", "/nonexistent/program does not exist (or is not a file)")]
    [InlineData("/usr/bin", "/usr/bin does not exist (or is not a file)")]
    [InlineData("hostops-no-such-program", "hostops-no-such-program: not found on this agent's PATH")]
    public async Task A_program_that_is_not_there_fails_with_the_reason(string program, string reason)
    {
        var error = await Should.ThrowAsync<HostProviderException>(() => Executor(new CommandPolicy(true, [])).ExecAsync(Request(program), Ct));

        error.Message.ShouldStartWith(reason);
    }

    [Fact]
    public async Task A_file_without_an_execute_bit_is_not_run()
    {
        var file = Path.Join(directory, "script");
        await File.WriteAllTextAsync(file, "#!/bin/sh\n", Ct);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = await Should.ThrowAsync<HostProviderException>(() => Executor(new CommandPolicy(true, [])).ExecAsync(Request(file), Ct));

        error.Message.ShouldBe($"{file} is not executable");
    }

    [Fact]
    public async Task A_missing_working_directory_fails_before_anything_runs()
    {
        var request = Request("/bin/echo") with { Cwd = Path.Join(directory, "gone") };

        var error = await Should.ThrowAsync<HostProviderException>(() => Executor(new CommandPolicy(true, [])).ExecAsync(request, Ct));

        error.Message.ShouldBe($"cwd: {directory}/gone is not a directory on this agent");
    }

    [Fact]
    public async Task A_dry_run_answers_it_would_run_and_runs_nothing()
    {
        var file = Path.Join(directory, "made");
        var request = Request("/usr/bin/touch", file) with { DryRun = true };

        var result = await Executor(new CommandPolicy(true, ["/usr/bin/touch"]), hostChangesAllowed: false).ExecAsync(request, Ct);

        result.Changed.ShouldBeTrue();
        result.ExitCode.ShouldBeNull();
        result.Stdout.ShouldBeNull();
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task A_dry_run_still_refuses_what_the_agent_would_refuse()
    {
        var request = Request("/usr/bin/touch", Path.Join(directory, "made")) with { DryRun = true };

        var error = await Should.ThrowAsync<HostProviderException>(() => Executor(new CommandPolicy(true, ["/usr/bin/echo"])).ExecAsync(request, Ct));

        error.Message.ShouldStartWith("/usr/bin/touch is not allowed on this agent");
    }

    [Fact]
    public async Task Without_HOSTOPS_ALLOW_HOST_CHANGES_nothing_runs()
    {
        var file = Path.Join(directory, "made");

        var error = await Should.ThrowAsync<HostProviderException>(() =>
            Executor(new CommandPolicy(true, []), hostChangesAllowed: false).ExecAsync(Request("/usr/bin/touch", file), Ct));

        error.Message.ShouldStartWith("running /usr/bin/touch refused: host changes are disabled on this agent");
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task The_time_out_is_the_requests()
    {
        var request = Request("/bin/sleep", "30") with { Timeout = 1 };

        var result = await Executor(new CommandPolicy(true, [])).ExecAsync(request, Ct);

        result.Status.ShouldBe(OutcomeStatus.Ok);
        result.TimedOut.ShouldBeTrue();
        result.DurationMs.ShouldNotBeNull().ShouldBeLessThan(10_000);
    }

    private static CommandExecRequest Request(params string[] argv) => new() { Argv = argv };

    private static CommandExecutor Executor(CommandPolicy policy, bool hostChangesAllowed = true) =>
        new(policy, new HostChangeGuard(() => hostChangesAllowed), new CappedProcessRunner(NullLogger<CappedProcessRunner>.Instance));
}
