using System.Globalization;
using System.Text;
using HostOps.Contracts.Operations.Command;
using HostOps.Providers.Commands;
using HostOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Commands;

/// <summary>Real runs of harmless programs on this machine.</summary>
public sealed class CappedProcessRunnerTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly CappedProcessRunner runner = new(NullLogger<CappedProcessRunner>.Instance);
    private readonly string directory = Directory.CreateTempSubdirectory("hostops-exec-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Answers_the_output_and_exit_code_with_arguments_passed_verbatim()
    {
        var run = await runner.RunAsync("/bin/echo", ["a b", "$(id)", "*"], null, null, Minute, Ct);

        run.ExitCode.ShouldBe(0);
        run.StandardOutput.ShouldBe("a b $(id) *\n");
        run.StandardError.ShouldBe("");
        run.StandardOutputTruncated.ShouldBeFalse();
        run.TimedOut.ShouldBeFalse();
    }

    [Fact]
    public async Task A_non_zero_exit_is_an_answer_with_its_code_and_stderr()
    {
        var run = await runner.RunAsync("/bin/sh", ["-c", "echo oops >&2; exit 3"], null, null, Minute, Ct);

        run.ExitCode.ShouldBe(3);
        run.StandardError.ShouldBe("oops\n");
    }

    [Fact]
    public async Task Runs_in_the_working_directory_with_the_added_variables_and_standard_input_closed()
    {
        var run = await runner.RunAsync(
            "/bin/sh", ["-c", "pwd; echo \"$HOSTOPS_TEST_VALUE\"; echo \"${PATH:+has path}\"; cat"], directory,
            new Dictionary<string, string> { ["HOSTOPS_TEST_VALUE"] = "x=1 y" }, Minute, Ct);

        run.ExitCode.ShouldBe(0);
        run.StandardOutput.ShouldBe($"{directory}\nx=1 y\nhas path\n");
    }

    [Fact]
    public async Task Output_beyond_64_KiB_is_cut_and_flagged_while_the_rest_is_drained()
    {
        var run = await runner.RunAsync("/usr/bin/head", ["-c", "1000000", "/dev/zero"], null, null, Minute, Ct);

        run.ExitCode.ShouldBe(0);
        run.StandardOutput.Length.ShouldBe(CommandRules.MaxOutputBytes);
        run.StandardOutputTruncated.ShouldBeTrue();
        run.StandardErrorTruncated.ShouldBeFalse();
    }

    [Fact]
    public async Task Output_is_cut_on_a_character_boundary()
    {
        var file = Path.Join(directory, "text");
        var text = "a" + string.Concat(Enumerable.Repeat("é", 40_000));
        await File.WriteAllTextAsync(file, text, Ct);

        var run = await runner.RunAsync("/bin/cat", [file], null, null, Minute, Ct);

        run.StandardOutputTruncated.ShouldBeTrue();
        run.StandardOutput.ShouldBe(text[..32_768]);
        Encoding.UTF8.GetByteCount(run.StandardOutput).ShouldBe(CommandRules.MaxOutputBytes - 1);
    }

    [Fact]
    public async Task Output_of_exactly_the_limit_is_not_truncated()
    {
        var run = await runner.RunAsync("/usr/bin/head", ["-c", $"{CommandRules.MaxOutputBytes}", "/dev/zero"], null, null, Minute, Ct);

        run.StandardOutput.Length.ShouldBe(CommandRules.MaxOutputBytes);
        run.StandardOutputTruncated.ShouldBeFalse();
    }

    [Fact]
    public async Task A_command_that_overruns_its_time_has_its_process_tree_killed()
    {
        var started = DateTime.UtcNow;

        var run = await runner.RunAsync("/bin/sh", ["-c", "/bin/sleep 30 & echo $!; wait"], null, null, TimeSpan.FromMilliseconds(500), Ct);

        run.TimedOut.ShouldBeTrue();
        run.ExitCode.ShouldBe(137);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
        var child = int.Parse(run.StandardOutput.Trim(), CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(() => Task.FromResult(!IsRunning(child)), what: $"background sleep {child} killed");
    }

    [Fact]
    public async Task A_program_that_cannot_start_is_a_clear_failure()
    {
        var error = await Should.ThrowAsync<HostProviderException>(() => runner.RunAsync("/nonexistent/hostops-program", [], null, null, Minute, Ct));

        error.Message.ShouldStartWith("cannot run /nonexistent/hostops-program");
    }

    // A killed process may linger as a zombie until its new parent reaps it; it no longer runs.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
