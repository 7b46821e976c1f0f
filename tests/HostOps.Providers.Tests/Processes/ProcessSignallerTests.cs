using System.Diagnostics;
using HostOps.Providers.Processes;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Processes;

/// <summary>Signals a <c>sleep</c> this test starts (its own child, so nothing else on the host is touched).</summary>
public sealed class ProcessSignallerTests
{
    private static readonly HostChangeGuard Allowed = new(() => true);

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("sigkill", 137)]
    public void A_signal_reaches_the_process(string signal, int exitCode)
    {
        using var child = Sleep();
        try
        {
            new ProcessSignaller(HostRoot.Default, Allowed).Send(child.Id, signal, dryRun: false);

            child.WaitForExit(TimeSpan.FromSeconds(10)).ShouldBeTrue();
            child.ExitCode.ShouldBe(exitCode);
        }
        finally
        {
            Stop(child);
        }
    }

    [Fact]
    public void A_dry_run_answers_the_signals_name_and_sends_nothing()
    {
        using var child = Sleep();
        try
        {
            new ProcessSignaller(HostRoot.Default, Allowed).Send(child.Id, "SigTerm", dryRun: true).ShouldBe("TERM");

            child.WaitForExit(TimeSpan.FromMilliseconds(300)).ShouldBeFalse();
        }
        finally
        {
            Stop(child);
        }
    }

    [Fact]
    public void Without_permission_nothing_is_sent()
    {
        using var child = Sleep();
        try
        {
            Should.Throw<HostProviderException>(() => new ProcessSignaller(HostRoot.Default, new HostChangeGuard(() => false)).Send(child.Id, "KILL", dryRun: false))
                .Message.ShouldStartWith($"sending SIGKILL to pid {child.Id} refused: host changes are disabled");

            child.WaitForExit(TimeSpan.FromMilliseconds(300)).ShouldBeFalse();
        }
        finally
        {
            Stop(child);
        }
    }

    [Theory]
    [InlineData(1, "TERM", "pid: 1 is init; signalling it is refused")]
    [InlineData(0, "TERM", "pid: 0 is not a process id (1-4194304)")]
    [InlineData(-1, "TERM", "pid: -1 is not a process id (1-4194304)")]
    [InlineData(4242, "9", "signal: '9' is not one of TERM, KILL, HUP, INT, QUIT, USR1, USR2, STOP, CONT (SIG prefix optional, any case)")]
    [InlineData(4242, "SIGSEGV", "signal: 'SIGSEGV' is not one of TERM, KILL, HUP, INT, QUIT, USR1, USR2, STOP, CONT (SIG prefix optional, any case)")]
    [InlineData(31337, "TERM", "no process with pid 31337")]
    public void Refuses_what_it_must_not_or_cannot_signal(int pid, string signal, string error)
    {
        using var machine = new TempMachine().WithProcesses();

        Should.Throw<HostProviderException>(() => new ProcessSignaller(machine.Root, Allowed).Send(pid, signal, dryRun: false)).Message.ShouldBe(error);
    }

    [Fact]
    public void Refuses_the_agents_own_pid_even_on_a_dry_run() =>
        Should.Throw<HostProviderException>(() => new ProcessSignaller(HostRoot.Default, Allowed).Send(Environment.ProcessId, "TERM", dryRun: true))
            .Message.ShouldBe($"pid: {Environment.ProcessId} is this agent's own process; signalling it is refused");

    private static Process Sleep() => Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;

    private static void Stop(Process child)
    {
        if (!child.HasExited)
        {
            child.Kill();
            child.WaitForExit();
        }
    }
}
