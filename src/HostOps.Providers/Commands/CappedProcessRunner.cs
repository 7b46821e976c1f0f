using System.ComponentModel;
using System.Diagnostics;
using HostOps.Contracts.Operations.Command;
using Microsoft.Extensions.Logging;

namespace HostOps.Providers.Commands;

/// <summary>
/// Runs a program a caller chose (<c>command.exec.do</c>): never through a shell (<see cref="ProcessStartInfo.ArgumentList"/>),
/// in a given working directory, with variables added to the agent's environment, standard input closed. Both
/// outputs are read at once and kept up to <see cref="CommandRules.MaxOutputBytes"/> each while the rest is drained,
/// so the program never blocks on a full pipe. At its time-out, or when the caller gives up, the program's whole
/// process tree is killed. Unlike <see cref="ProcessCommandRunner"/> (the providers' own tools), a time-out is an
/// answer here, not an error.
/// </summary>
[HostProvider]
public sealed partial class CappedProcessRunner(ILogger<CappedProcessRunner> logger)
{
    /// <summary>How long output is still read after the program exited (a process it left behind may hold the pipe).</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(1);

    /// <summary>How long a killed program is given to be reaped.</summary>
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="program"/>; throws <see cref="HostProviderException"/> only when it cannot start.</summary>
    public async Task<ProgramRun> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        string? workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new HostProviderException($"cannot run {program}: {e.Message}", e);
        }

        LogRunning(program, arguments.Count, process.Id);
        process.StandardInput.Close();
        var output = new CappedOutput(CommandRules.MaxOutputBytes);
        var error = new CappedOutput(CommandRules.MaxOutputBytes);
        var reading = Task.WhenAll(output.DrainAsync(process.StandardOutput.BaseStream), error.DrainAsync(process.StandardError.BaseStream));

        var timedOut = false;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                ProcessTree.Kill(process);
                cancellationToken.ThrowIfCancellationRequested();
                timedOut = true;
                using var reaped = new CancellationTokenSource(KillGrace);
                try
                {
                    await process.WaitForExitAsync(reaped.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new HostProviderException($"{program} (pid {process.Id}) overran its {timeout.TotalSeconds:0.###}s and did not exit when killed");
                }
            }
        }

        var duration = clock.Elapsed;
        await Task.WhenAny(reading, Task.Delay(OutputGrace, CancellationToken.None));
        var (standardOutput, outputTruncated) = output.Text();
        var (standardError, errorTruncated) = error.Text();
        LogFinished(program, process.Id, process.ExitCode, (long)duration.TotalMilliseconds, timedOut);
        return new ProgramRun(process.ExitCode, standardOutput, outputTruncated, standardError, errorTruncated, duration, timedOut);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {Program} with {ArgumentCount} arguments (pid {Pid})")]
    private partial void LogRunning(string program, int argumentCount, int pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Program} (pid {Pid}) exited with {ExitCode} after {DurationMs} ms (timed out: {TimedOut})")]
    private partial void LogFinished(string program, int pid, int exitCode, long durationMs, bool timedOut);
}
