using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Security;
using HostOps.Testing.Nats;

namespace HostOps.Faults.Tests.Cluster;

/// <summary>
/// A whole deployment as separate processes, each with its own data directory under one temp directory:
/// the shipped <c>hostops nats server start</c>, and the test host's <c>api server start</c> and
/// <c>agent start</c> (agents <c>agent-1</c>…<c>agent-N</c>). Timings are short so faults resolve in seconds:
/// ack wait 2 s, registry TTL 3 s, heartbeat every 1 s.
/// </summary>
public sealed class FaultCluster : IAsyncDisposable
{
    public const string SigningKey = "fault-injection-suite-signing-key-0123456789";
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, string> _environment;
    // Agents are killed and started from a background loop while the test reads them: every access holds _lock.
    private readonly Lock _lock = new();
    private readonly Dictionary<int, ChildProcess> _agents = [];
    private readonly List<ChildProcess> _retired = [];
    private readonly Dictionary<string, string> _joinTokens = [];
    private ChildProcess? _nats;
    private ChildProcess? _api;

    public FaultCluster(IReadOnlyDictionary<string, string>? settings = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("hostops-faults-").FullName;
        RecordDirectory = Path.Combine(Directory, "records");
        NatsPort = NatsServerProcess.FreeTcpPort();
        ApiPort = NatsServerProcess.FreeTcpPort();
        _environment = new Dictionary<string, string>
        {
            ["HOSTOPS_NATS__URL"] = NatsUrl,
            ["HOSTOPS_NATS__SERVER__PORT"] = NatsPort.ToString(CultureInfo.InvariantCulture),
            ["HOSTOPS_API__SERVER__PORT"] = ApiPort.ToString(CultureInfo.InvariantCulture),
            ["HOSTOPS_API__CLIENT__URL"] = ApiUrl,
            ["HOSTOPS_API__SERVER__SECURITY__SIGNING_KEY"] = SigningKey,
            ["HOSTOPS_JOB__CONSUMER__ACK_WAIT"] = "2s",
            ["HOSTOPS_JOB__REGISTRY__TTL"] = "3s",
            ["HOSTOPS_JOB__REGISTRY__HEARTBEAT_INTERVAL"] = "1s",
            ["HOSTOPS_FAULTS_RECORD_DIR"] = RecordDirectory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }

        var token = new JwtIssuer(SigningKey).Issue(new TokenRequest("fault-suite", ["admin"], [], TimeSpan.FromHours(1)));
        Api = new ApiClient(ApiUrl, token);
    }

    public string Directory { get; }

    public string RecordDirectory { get; }

    public int NatsPort { get; }

    public int ApiPort { get; }

    public string NatsUrl => $"nats://127.0.0.1:{NatsPort}";

    public string ApiUrl => $"http://127.0.0.1:{ApiPort}";

    /// <summary>The control plane's NATS identity, made by the managed server in its data directory.</summary>
    public string ApiSeedPath => Path.Combine(Directory, "nats", "identity", "api.nk");

    /// <summary>The managed nats-server's store: <c>&lt;data_dir of the nats process&gt;/nats</c>.</summary>
    public string NatsStore => Path.Combine(Directory, "nats", "nats");

    public ApiClient Api { get; }

    public ChildProcess NatsProcess => _nats ?? throw new InvalidOperationException("nats is not started");

    public ChildProcess ApiProcess => _api ?? throw new InvalidOperationException("the API is not started");

    private static string CliDll { get; } = Path.Combine(BuildDirectory("HostOpsCliDirectory"), "hostops.dll");

    private static string HostDll { get; } = Path.Combine(BuildDirectory("FaultsHostDirectory"), "HostOps.Faults.Host.dll");

    public static string AgentName(int number) => $"agent-{number}";

    /// <summary>nats, the API and agents 1..<paramref name="agents"/>; returns once the API lists every agent as a worker.</summary>
    public async Task StartAsync(int agents)
    {
        var clock = Stopwatch.StartNew();
        await StartNatsAsync();
        await Task.WhenAll(Enumerable.Range(1, agents).Select(StartAgentAsync).Append(StartApiAsync()));
        await WaitForWorkersAsync(Enumerable.Range(1, agents).Select(AgentName).ToArray());
        StartupTime = clock.Elapsed;
    }

    /// <summary>How long <see cref="StartAsync"/> took, from nothing running to every agent listed.</summary>
    public TimeSpan? StartupTime { get; private set; }

    public async Task StartNatsAsync()
    {
        _nats = Start("nats", CliDll, "nats", "nats", "server", "start");
        await _nats.WaitForOutputAsync("nats-server is running", Ready);
    }

    public async Task StartApiAsync()
    {
        // The API runs from its own data directory, as on another host: it connects with the control plane's NATS
        // identity, which the managed server made in its data directory (an operator copies that seed).
        var identity = new Dictionary<string, string> { ["HOSTOPS_NATS__NKEY_FILE"] = ApiSeedPath };
        _api = Start("api", HostDll, "api", identity, "api", "server", "start");
        await _api.WaitForOutputAsync("API server is listening", Ready);
    }

    /// <summary>Stops the API with SIGTERM and waits for its exit.</summary>
    public async Task StopApiAsync()
    {
        await ApiProcess.StopAsync(TimeSpan.FromSeconds(15));
        lock (_lock)
        {
            _retired.Add(ApiProcess);
            _api = null;
        }
    }

    /// <summary>Starts agent <c>agent-N</c> (again, after a kill: same hostname, same data directory).</summary>
    public async Task StartAgentAsync(int number)
    {
        var name = AgentName(number);
        // Each agent joins once with its own single-use token, as on another host; restarted, it reuses its enrollment.
        var extra = new Dictionary<string, string>
        {
            ["HOSTOPS_JOB__WORKER__HOSTNAME"] = name,
            ["HOSTOPS_JOB__WORKER__JOIN_TOKEN"] = JoinTokenFor(name),
        };
        var agent = Start(name, HostDll, name, extra, "agent", "start");
        lock (_lock)
        {
            _agents[number] = agent;
        }

        await agent.WaitForOutputAsync("Agent is running", Ready);
    }

    /// <summary>SIGKILL to agent N's process; its output is kept for failure messages.</summary>
    public async Task KillAgentAsync(int number)
    {
        ChildProcess agent;
        lock (_lock)
        {
            agent = _agents[number];
            _agents.Remove(number);
            _retired.Add(agent);
        }

        await agent.KillAsync();
    }

    /// <summary>Pids of the nats-server processes using this deployment's store (found through <c>/proc/PID/cmdline</c>).</summary>
    public List<int> NatsServerPids()
    {
        var pids = new List<int>();
        foreach (var process in Process.GetProcessesByName("nats-server"))
        {
            using (process)
            {
                try
                {
                    if (File.ReadAllText($"/proc/{process.Id}/cmdline").Contains(Directory, StringComparison.Ordinal))
                    {
                        pids.Add(process.Id);
                    }
                }
                catch (IOException)
                {
                }
            }
        }

        return pids;
    }

    /// <summary>Waits until <c>GET /job/workers</c> lists every one of <paramref name="hostnames"/>.</summary>
    public Task WaitForWorkersAsync(IReadOnlyCollection<string> hostnames) =>
        Wait.UntilAsync(
            async () => hostnames.All((await Api.WorkersAsync()).Contains),
            Ready,
            () => $"the API did not list workers {string.Join(", ", hostnames)}\n{Logs()}");

    /// <summary>The last lines of every process, for a failure message.</summary>
    public string Logs()
    {
        List<ChildProcess> all;
        lock (_lock)
        {
            all = [.. new[] { _nats, _api }.OfType<ChildProcess>(), .. _agents.Values, .. _retired];
        }

        return string.Join("\n", all.Select(p => $"--- {p.Name} (pid {p.Id}{(p.HasExited ? ", exited" : "")}):\n{Tail(p.Output, 30)}"));
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        List<ChildProcess> all;
        lock (_lock)
        {
            all = [.. _agents.Values, .. new[] { _api, _nats }.OfType<ChildProcess>(), .. _retired];
        }

        foreach (var process in all)
        {
            await process.DisposeAsync();
        }

        foreach (var pid in NatsServerPids())
        {
            using var stray = Process.GetProcessById(pid);
            stray.Kill();
            await stray.WaitForExitAsync();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private ChildProcess Start(string name, string dll, string dataDirectory, params string[] args) =>
        Start(name, dll, dataDirectory, new Dictionary<string, string>(), args);

    private ChildProcess Start(string name, string dll, string dataDirectory, Dictionary<string, string> extra, params string[] args)
    {
        var environment = new Dictionary<string, string>(_environment) { ["HOSTOPS_DATA_DIR"] = Path.Combine(Directory, dataDirectory) };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return ChildProcess.Start(name, dll, Directory, environment, args);
    }

    private string JoinTokenFor(string agent)
    {
        lock (_lock)
        {
            if (!_joinTokens.TryGetValue(agent, out var token))
            {
                var secret = new JwtIssuer(SigningKey).Issue(new TokenRequest("join", [], [], TimeSpan.FromHours(1), TokenAudiences.Join));
                _joinTokens[agent] = token = new JoinToken([ApiUrl], [NatsUrl], null, secret).Encode();
            }

            return token;
        }
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    private static string BuildDirectory(string key) =>
        typeof(FaultCluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
