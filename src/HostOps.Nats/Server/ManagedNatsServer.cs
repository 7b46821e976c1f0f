using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HostOps.Nats.Auth;
using HostOps.Nats.Configuration;
using HostOps.Nats.Tls;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace HostOps.Nats.Server;

/// <summary>
/// Runs the official <c>nats-server</c> binary as a child process with JetStream (the embedded default). Holds the
/// data directory's <see cref="DataDirectoryLock"/> for its whole life (a second instance is refused, naming the
/// first one's pid), replaces a stale server of ours left by an owner that is gone (pid file), refuses a port held
/// by anyone else, reports ready only once JetStream answers (a cluster member: once it takes clients), forwards the server log at debug level, restarts the
/// server with <see cref="Backoff"/> when it dies (same store, same port), and stops it gracefully (SIGTERM, then
/// SIGKILL after <see cref="GracePeriod"/>). A <see cref="ParentDeathGuard"/> ends the server if hostops is killed.
/// </summary>
public sealed partial class ManagedNatsServer : IAsyncDisposable
{
    private const int LogTail = 20;
    private readonly NatsServerOptions _options;
    private readonly ILogger _logger;
    private readonly NatsPidFile _pidFile;
    private readonly ConcurrentQueue<string> _recentLog = new();
    private readonly CancellationTokenSource _stopping = new();
    private DataDirectoryLock? _lock;
    private string? _binary;
    private volatile NatsServerChild? _child;
    private Task? _supervision;
    private bool _started;
    private IReadOnlyList<NatsUser> _users = [];

    public ManagedNatsServer(NatsServerOptions options, string dataDir, ILogger<ManagedNatsServer> logger)
    {
        _options = options;
        _logger = logger;
        DataDir = Path.GetFullPath(dataDir);
        StoreDir = Path.GetFullPath(string.IsNullOrEmpty(options.StoreDir) ? Path.Combine(DataDir, "nats") : options.StoreDir);
        _pidFile = new NatsPidFile(Path.Combine(DataDir, "nats-server.pid"));
        ConfigPath = Path.Combine(DataDir, "nats-server.conf");
    }

    /// <summary>
    /// HostOps' CA and this server's certificate, for every listener beyond loopback (clients must then speak TLS,
    /// routes verify each other); null: everything on loopback, plain.
    /// </summary>
    public HostOpsCa? Tls { get; init; }

    /// <summary>TLS as clients of this server must use it: null while the client listener is on loopback (and HostOps' own CA serves).</summary>
    public HostOpsCa? ClientTls => Tls is not null && NatsServerConfigFile.ClientsUseTls(_options) ? Tls : null;

    /// <summary>The password routes of the cluster authenticate with (<c>nats.server.cluster</c>); unused without one.</summary>
    public string? ClusterSecret { get; init; }

    /// <summary>The identity this process uses itself (readiness probe); it must be one of <see cref="Users"/>.</summary>
    public NkeySeedFile? Admin { get; init; }

    /// <summary>The generated configuration file the server runs from (mode 0600).</summary>
    public string ConfigPath { get; }

    /// <summary>
    /// The identities the server accepts, set before <see cref="StartAsync"/>; nobody else gets in. Changed while
    /// running with <see cref="ApplyUsers"/>.
    /// </summary>
    public IReadOnlyList<NatsUser> Users
    {
        get => Volatile.Read(ref _users);
        init => _users = value;
    }

    public string DataDir { get; }

    public string StoreDir { get; }

    public string PidFilePath => _pidFile.Path;

    /// <summary>The URL clients use to reach this server.</summary>
    public string Url => $"nats://{ClientHost}:{_options.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The child's pid while it runs.</summary>
    public int? ProcessId => _child is { HasExited: false } child ? child.Id : null;

    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Delays between restarts after the server dies on its own.</summary>
    public RestartBackoff Backoff { get; init; } = new();

    /// <summary>Runs after each restart once JetStream answers (e.g. to re-provision); a failure is logged, not fatal.</summary>
    public Func<CancellationToken, Task>? AfterRestart { get; init; }

    private string ClientHost => _options.Host is "0.0.0.0" or "::" or "" ? "127.0.0.1" : _options.Host;

    /// <summary>
    /// Takes the data directory's lock for this instance (done by <see cref="StartAsync"/> too): throws
    /// <see cref="DataDirectoryInUseException"/> while another hostops runs on it. Released by <see cref="StopAsync"/>.
    /// </summary>
    public void ClaimDataDirectory() => _lock ??= DataDirectoryLock.Acquire(DataDir);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            throw new InvalidOperationException("the managed nats-server is already started");
        }

        ClaimDataDirectory();
        _started = true;
        try
        {
            _binary = NatsServerBinary.Find(_options.Binary);
            await ReplaceStaleServerAsync(cancellationToken);
            EnsurePortFree("nats.server.port", _options.Host, _options.Port);
            if (_options.Cluster.Enabled)
            {
                EnsurePortFree("nats.server.cluster.port", NatsServerConfigFile.ClusterHost(_options), _options.Cluster.Port);
            }

            Directory.CreateDirectory(StoreDir);
            await LaunchAsync(cancellationToken);
        }
        catch
        {
            await StopAsync(CancellationToken.None);
            throw;
        }

        _supervision = Task.Run(() => SuperviseAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        if (_supervision is { } supervision)
        {
            await supervision;
            _supervision = null;
        }

        if (_child is { } child)
        {
            if (await child.StopAsync(GracePeriod, cancellationToken))
            {
                LogForcedStop(child.Id, GracePeriod);
            }

            LogStopped(child.Id);
            _child = null;
            child.Dispose();
            _pidFile.Delete();
        }

        _lock?.Dispose();
        _lock = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    /// <summary>
    /// Rewrites the configuration with <paramref name="users"/> and has the running server reload it: clients that
    /// stay allowed keep their connections, a removed identity's connections are closed by the server.
    /// </summary>
    public void ApplyUsers(IReadOnlyList<NatsUser> users)
    {
        lock (_stopping)
        {
            Volatile.Write(ref _users, users);
            NatsServerConfigFile.Write(ConfigPath, _options, StoreDir, users, Tls, ClusterSecret);
            if (_child is { HasExited: false } child)
            {
                ProcessSignals.Reload(child.Id);
                LogReloaded(child.Id, users.Count);
            }
        }
    }

    /// <summary>Starts a run and waits until JetStream answers; a run that dies or never answers is ended and reported.</summary>
    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        lock (_stopping)
        {
            NatsServerConfigFile.Write(ConfigPath, _options, StoreDir, Users, Tls, ClusterSecret);
        }

        // Only the file on the command line: a flag such as -sd would make nats-server refuse every reload. The file's
        // path is also how a server of ours is recognised (pid file).
        var child = NatsServerChild.Start(_binary!, ["-c", ConfigPath], OnLogLine);
        _child = child;
        _pidFile.Write(child.Id);
        LogStarted(child.Id, Url, StoreDir);
        try
        {
            // A server of a cluster is ready once it takes clients: JetStream answers only when a quorum of the cluster
            // is up, which may be after this server (the provisioning waits for it).
            await NatsReadiness.WaitUntilReadyAsync(
                Url,
                Admin?.AuthOpts ?? NatsAuthOpts.Default,
                ClientTls is { } tls ? new NatsTlsOpts { CaFile = tls.CaPath } : NatsTlsOpts.Default,
                jetStream: !_options.Cluster.Enabled,
                ReadyTimeout,
                () => ExitedEarly(child),
                cancellationToken);
        }
        catch (ManagedNatsServerException)
        {
            await child.StopAsync(GracePeriod, CancellationToken.None);
            _child = null;
            child.Dispose();
            _pidFile.Delete();
            throw;
        }

        LogReady(Url, _options.Cluster.Enabled ? $"takes clients; member of cluster {_options.Cluster.Name}" : "JetStream answers");
    }

    private ManagedNatsServerException? ExitedEarly(NatsServerChild child) =>
        child.HasExited
            ? new ManagedNatsServerException($"nats-server exited with code {child.Process.ExitCode} before it was ready: {string.Join(" | ", _recentLog)}")
            : null;

    private async Task ReplaceStaleServerAsync(CancellationToken cancellationToken)
    {
        // Only reached while holding the lock: whoever started that server is gone.
        if (_pidFile.FindLiveServer(ConfigPath) is not { } pid)
        {
            _pidFile.Delete();
            return;
        }

        LogReplacingStale(pid, _pidFile.Path);
        ProcessSignals.Terminate(pid);
        var deadline = DateTime.UtcNow + GracePeriod;
        while (NatsPidFile.IsOurServer(pid, ConfigPath) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        if (NatsPidFile.IsOurServer(pid, ConfigPath))
        {
            using var stale = Process.GetProcessById(pid);
            stale.Kill();
            await stale.WaitForExitAsync(cancellationToken);
        }

        _pidFile.Delete();
    }

    private static void EnsurePortFree(string key, string host, int port)
    {
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : IPAddress.Any;
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new ManagedNatsServerException($"{key} {port} is in use by another process", e);
        }
    }

    private void OnLogLine(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        // nats-server answers a reload only in its log: a refused one must not go unnoticed (its users stay as they were).
        if (line.Contains("Failed to reload server configuration", StringComparison.Ordinal))
        {
            LogReloadFailed(line);
        }

        _recentLog.Enqueue(line);
        while (_recentLog.Count > LogTail && _recentLog.TryDequeue(out _))
        {
        }

        LogServerOutput(line);
    }
}
