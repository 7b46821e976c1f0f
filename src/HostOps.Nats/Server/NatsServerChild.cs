using System.Diagnostics;

namespace HostOps.Nats.Server;

/// <summary>
/// One run of nats-server: the process, started through <c>setsid</c> (same pid, its own session, so a Ctrl-C
/// meant for hostops reaches only hostops, which then stops the server itself) with its output forwarded line by
/// line, and the <see cref="ParentDeathGuard"/> that ends it should hostops die without stopping it.
/// </summary>
internal sealed class NatsServerChild : IDisposable
{
    /// <summary>util-linux <c>setsid</c>: execs the program in a new session (no fork: our child is no group leader).</summary>
    public const string SetSid = "setsid";

    private readonly long _started = Stopwatch.GetTimestamp();
    private ParentDeathGuard? _guard;

    private NatsServerChild(Process process)
    {
        Process = process;
        Id = process.Id;
    }

    public Process Process { get; }

    public int Id { get; }

    public bool HasExited
    {
        get
        {
            try
            {
                return Process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true; // disposed: this run is over
            }
        }
    }

    public TimeSpan Uptime => Stopwatch.GetElapsedTime(_started);

    public static NatsServerChild Start(string binary, IEnumerable<string> arguments, Action<string?> onLine)
    {
        var info = new ProcessStartInfo(SetSid, [binary, .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new ManagedNatsServerException($"nats.server.binary: {binary} did not start");
        var child = new NatsServerChild(process);
        process.ErrorDataReceived += (_, e) => onLine(e.Data);
        process.OutputDataReceived += (_, e) => onLine(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            child._guard = ParentDeathGuard.Watch(process.Id);
        }
        catch
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
            throw;
        }

        return child;
    }

    /// <summary>SIGTERM (nats-server flushes JetStream and exits), SIGKILL once <paramref name="grace"/> has passed; true if it had to kill.</summary>
    public async Task<bool> StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        if (Process.HasExited)
        {
            return false;
        }

        ProcessSignals.Terminate(Process.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(grace);
        try
        {
            await Process.WaitForExitAsync(timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync(CancellationToken.None);
            return true;
        }
    }

    /// <summary>Dismisses the guard first (it must never signal a pid that may be reused), then releases the process.</summary>
    public void Dispose()
    {
        _guard?.Dispose();
        Process.Dispose();
    }
}
