using HostOps.Providers.Commands;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Commands;

public sealed class ProcessCommandRunnerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Passes_each_argument_verbatim_without_a_shell()
    {
        var runner = new ProcessCommandRunner(NullLogger<ProcessCommandRunner>.Instance);

        var result = await runner.RunAsync("printf", ["%s\\n", "a b", "$(id)", "; echo hacked", "*"], Ct);

        result.ExitCode.ShouldBe(0);
        result.StandardOutput.ShouldBe("a b\n$(id)\n; echo hacked\n*\n");
    }

    [Fact]
    public async Task Writes_the_standard_input_given_and_closes_it()
    {
        var runner = new ProcessCommandRunner(NullLogger<ProcessCommandRunner>.Instance);

        var result = await runner.RunAsync("cat", [], new CommandOptions { StandardInput = "deploy:$6$salt$hash\n" }, Ct);

        result.ExitCode.ShouldBe(0);
        result.StandardOutput.ShouldBe("deploy:$6$salt$hash\n");
    }

    [Fact]
    public async Task A_program_that_reads_no_input_neither_hangs_nor_fails_the_run()
    {
        var runner = new ProcessCommandRunner(NullLogger<ProcessCommandRunner>.Instance);

        var result = await runner.RunAsync("true", [], new CommandOptions { StandardInput = new string('x', 1024 * 1024) }, Ct);

        result.ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Captures_standard_error_and_the_exit_code()
    {
        var runner = new ProcessCommandRunner(NullLogger<ProcessCommandRunner>.Instance);

        var result = await runner.RunAsync("ls", ["/definitely/not/here"], Ct);

        result.Succeeded.ShouldBeFalse();
        result.ExitCode.ShouldNotBe(0);
        result.Reason.ShouldContain("/definitely/not/here");
    }

    [Fact]
    public async Task A_program_that_does_not_exist_is_a_clear_failure()
    {
        var runner = new ProcessCommandRunner(NullLogger<ProcessCommandRunner>.Instance);

        var error = await Should.ThrowAsync<HostProviderException>(() => runner.RunAsync("hostops-no-such-program", [], Ct));

        error.Message.ShouldStartWith("cannot run hostops-no-such-program");
    }

    [Fact]
    public async Task A_program_that_overruns_its_time_is_stopped()
    {
        var runner = new ProcessCommandRunner(NullLogger<ProcessCommandRunner>.Instance, TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;

        var error = await Should.ThrowAsync<HostProviderException>(() => runner.RunAsync("sleep", ["30"], Ct));

        error.Message.ShouldBe("sleep did not finish within 0.3s and was stopped");
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }
}
