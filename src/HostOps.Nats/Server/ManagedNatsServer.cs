using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HostOps.Nats.Configuration;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace HostOps.Nats.Server;

/// <summary>
/// Runs the official <c>nats-server</c> binary as a child process with JetStream (the embedded default):
/// replaces a stale server of ours left by a crash (pid file), refuses a port held by anyone else, reports ready
/// only once JetStream answers, forwards the server log at debug level and stops it gracefully (SIGTERM, then
/// SIGKILL after <see cref="GracePeriod"/>).
/// </summary>
public sealed partial class ManagedNatsServer : IAsyncDisposable
{
    private const int LogTail = 20;
    private readonly NatsServerOptions _options;
    private readonly ILogger _logger;
    private readonly NatsPidFile _pidFile;
    private readonly ConcurrentQueue<string> _recentLog = new();
    private Process? _process;

    public ManagedNatsServer(NatsServerOptions options, string dataDir, ILogger<ManagedNatsServer> logger)
    {
        _options = options;
        _logger = logger;
        DataDir = Path.GetFullPath(dataDir);
        StoreDir = Path.GetFullPath(string.IsNullOrEmpty(options.StoreDir) ? Path.Combine(DataDir, "nats") : options.StoreDir);
        _pidFile = new NatsPidFile(Path.Combine(DataDir, "nats-server.pid"));
    }

    public string DataDir { get; }

    public string StoreDir { get; }

    public string PidFilePath => _pidFile.Path;

    /// <summary>The URL clients use to reach this server.</summary>
    public string Url => $"nats://{ClientHost}:{_options.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The child's pid while it runs.</summary>
    public int? ProcessId => _process is { HasExited: false } ? _process.Id : null;

    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    private string ClientHost => _options.Host is "0.0.0.0" or "::" or "" ? "127.0.0.1" : _options.Host;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("the managed nats-server is already started");
        }

        var binary = NatsServerBinary.Find(_options.Binary);
        await ReplaceStaleServerAsync(cancellationToken);
        EnsurePortFree();
        Directory.CreateDirectory(StoreDir);

        var port = _options.Port.ToString(CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo(binary, ["-js", "-a", _options.Host, "-p", port, "-sd", StoreDir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new ManagedNatsServerException($"nats.server.binary: {binary} did not start");
        _process.ErrorDataReceived += (_, e) => OnLogLine(e.Data);
        _process.OutputDataReceived += (_, e) => OnLogLine(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        _pidFile.Write(_process.Id);
        LogStarted(_process.Id, Url, StoreDir);

        try
        {
            await WaitUntilJetStreamAnswersAsync(cancellationToken);
        }
        catch
        {
            await StopAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            ProcessSignals.Terminate(process.Id);
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(GracePeriod);
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                LogForcedStop(process.Id, GracePeriod);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        LogStopped(process.Id);
        process.Dispose();
        _process = null;
        _pidFile.Delete();
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task ReplaceStaleServerAsync(CancellationToken cancellationToken)
    {
        if (_pidFile.FindLiveServer(StoreDir) is not { } pid)
        {
            _pidFile.Delete();
            return;
        }

        LogReplacingStale(pid, _pidFile.Path);
        ProcessSignals.Terminate(pid);
        var deadline = DateTime.UtcNow + GracePeriod;
        while (NatsPidFile.IsOurServer(pid, StoreDir) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        if (NatsPidFile.IsOurServer(pid, StoreDir))
        {
            using var stale = Process.GetProcessById(pid);
            stale.Kill();
            await stale.WaitForExitAsync(cancellationToken);
        }

        _pidFile.Delete();
    }

    private void EnsurePortFree()
    {
        var address = IPAddress.TryParse(_options.Host, out var parsed) ? parsed : IPAddress.Any;
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(address, _options.Port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new ManagedNatsServerException($"nats.server.port {_options.Port} is in use by another process", e);
        }
    }

    private async Task WaitUntilJetStreamAnswersAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process!.HasExited)
            {
                throw new ManagedNatsServerException(
                    $"nats-server exited with code {_process.ExitCode} before it was ready: {string.Join(" | ", _recentLog)}");
            }

            try
            {
                await using var connection = new NatsConnection(new NatsOpts
                {
                    Url = Url,
                    Name = "hostops-ready-probe",
                    ConnectTimeout = TimeSpan.FromSeconds(1),
                    RequestTimeout = TimeSpan.FromSeconds(1),
                });
                await connection.ConnectAsync();
                await new NatsJSContext(connection).GetAccountInfoAsync(cancellationToken);
                LogReady(Url);
                return;
            }
            catch (Exception e) when (e is NatsException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (Exception e) when (e is NatsException or TimeoutException)
            {
                throw new ManagedNatsServerException($"nats-server did not answer JetStream requests within {ReadyTimeout.TotalSeconds:0}s", e);
            }
        }
    }

    private void OnLogLine(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        _recentLog.Enqueue(line);
        while (_recentLog.Count > LogTail && _recentLog.TryDequeue(out _))
        {
        }

        LogServerOutput(line);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "nats-server: {Line}")]
    private partial void LogServerOutput(string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started nats-server (pid {Pid}) on {Url}, store {StoreDir}")]
    private partial void LogStarted(int pid, string url, string storeDir);

    [LoggerMessage(Level = LogLevel.Information, Message = "nats-server on {Url} is ready (JetStream answers)")]
    private partial void LogReady(string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replacing a stale nats-server of ours (pid {Pid}) named by {PidFile}")]
    private partial void LogReplacingStale(int pid, string pidFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "nats-server (pid {Pid}) did not stop within {Grace}; killing it")]
    private partial void LogForcedStop(int pid, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped nats-server (pid {Pid})")]
    private partial void LogStopped(int pid);
}
