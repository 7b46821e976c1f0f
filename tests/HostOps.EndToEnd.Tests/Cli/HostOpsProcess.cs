using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace HostOps.EndToEnd.Tests.Cli;

/// <summary>The built <c>hostops</c> executable running as a child process, with its output captured.</summary>
public sealed class HostOpsProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostOpsProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static HostOpsProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartUnder([], workingDirectory, environment, args);

    /// <summary>As <see cref="Start"/>, run through <paramref name="wrapper"/> (e.g. <c>ip netns exec NAME</c>).</summary>
    public static HostOpsProcess StartUnder(string[] wrapper, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Launch([.. wrapper, "dotnet", Path.Combine(CliDirectory, "hostops.dll"), .. args], workingDirectory, environment);

    /// <summary>Another executable (a packaged <c>hostops-agent</c>), run through <paramref name="wrapper"/> when given.</summary>
    public static HostOpsProcess StartProgram(string[] wrapper, string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Launch([.. wrapper, executable, .. args], workingDirectory, environment);

    /// <summary>Runs <see cref="StartProgram"/> to its end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunProgramAsync(
        string[] wrapper, string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        await using var process = StartProgram(wrapper, executable, workingDirectory, environment, args);
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(60)) ?? throw new TimeoutException($"{executable} {string.Join(' ', args)} did not end:\n{process.Output}");
        return (code, process.Output);
    }

    private static HostOpsProcess Launch(string[] command, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new HostOpsProcess(Process.Start(info) ?? throw new InvalidOperationException($"{command[0]} did not start"));
    }

    /// <summary>Where the build put the CLI (recorded at build time, so no path guessing at run time).</summary>
    public static string CliDirectory { get; } =
        typeof(HostOpsProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "HostOpsCliDirectory").Value!;

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal does.</summary>
    public async Task InterruptAsync(CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", ["-s", "INT", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync(cancellationToken);
    }

    /// <summary>SIGKILL to hostops alone (not its children), as a crash or the OOM killer would.</summary>
    public void KillAlone() => _process.Kill(entireProcessTree: false);

    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits until the output shows <paramref name="text"/>; fails with the output so far when the process ends or time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"no '{text}' in the output of hostops (exited: {_process.HasExited}):\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Runs a command to its end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        await using var process = Start(workingDirectory, environment, args);
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(60)) ?? throw new TimeoutException($"hostops {string.Join(' ', args)} did not end:\n{process.Output}");
        return (code, process.Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
