using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HostOps.Providers.Commands;

/// <summary>The real runner: <see cref="Process"/> with <see cref="ProcessStartInfo.ArgumentList"/>, a time limit, output captured.</summary>
public sealed partial class ProcessCommandRunner : ICommandRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly ILogger<ProcessCommandRunner> logger;
    private readonly TimeSpan timeout;

    public ProcessCommandRunner(ILogger<ProcessCommandRunner> logger)
        : this(logger, DefaultTimeout)
    {
    }

    public ProcessCommandRunner(ILogger<ProcessCommandRunner> logger, TimeSpan timeout)
    {
        this.logger = logger;
        this.timeout = timeout;
    }

    public Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(fileName, arguments, CommandOptions.None, cancellationToken);

    public async Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CommandOptions options, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in options.Environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new HostProviderException($"cannot run {fileName}: {e.Message}", e);
        }

        LogRunning(fileName, arguments);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var allowed = options.Timeout ?? timeout;
        limit.CancelAfter(allowed);
        var input = WriteInputAsync(process, options.StandardInput, limit.Token);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            await input;
            var result = new CommandResult(process.ExitCode, await output, await error);
            LogFinished(fileName, result.ExitCode);
            return result;
        }
        catch (OperationCanceledException)
        {
            ProcessTree.Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new HostProviderException($"{fileName} did not finish within {allowed.TotalSeconds:0.###}s and was stopped");
        }
    }

    // Beside the output readers: a program that writes before it has read all its input must not wait on us.
    private static async Task WriteInputAsync(Process process, string? input, CancellationToken cancellationToken)
    {
        var stdin = process.StandardInput;
        try
        {
            if (input is not null)
            {
                await stdin.WriteAsync(input.AsMemory(), cancellationToken);
                await stdin.FlushAsync(cancellationToken);
            }

            stdin.Close();
        }
        catch (IOException)
        {
            // The program exited without reading all of it (a broken pipe); its exit code says what happened.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {Command} {Arguments}")]
    private partial void LogRunning(string command, IReadOnlyList<string> arguments);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Command} exited with {ExitCode}")]
    private partial void LogFinished(string command, int exitCode);
}
