using System.Net.NetworkInformation;
using System.Net.Sockets;
using HostOps.Contracts.Agents;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Security;
using HostOps.Nats.Auth;
using HostOps.Nats.Configuration;
using HostOps.Nats.Server;
using HostOps.Nats.Tls;
using HostOps.Testing.Network;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace HostOps.Bench;

/// <summary>
/// One <see cref="ManagedNatsServer"/> with its own data directory on a free port of <see cref="Host"/>, and the job
/// configuration the API side and the <see cref="EndToEndWorkload.AgentHostname"/> agent connect with. With TLS it
/// runs as production runs beyond loopback: HostOps' CA and a server certificate for the address
/// (<see cref="HostOpsCa"/>), required of every client. With identities it accepts only nkeys: the control plane's,
/// which may use everything, and one accepted agent's with its least-privilege permissions (<see cref="FleetUsers"/>),
/// replying on its own inbox prefix. Without either, the same server is anonymous and unencrypted.
/// </summary>
internal sealed class BenchNatsServer : IAsyncDisposable
{
    private readonly ManagedNatsServer _server;
    private readonly string _dataDir;

    private BenchNatsServer(ManagedNatsServer server, string dataDir, IConfiguration api, IConfiguration agent)
    {
        _server = server;
        _dataDir = dataDir;
        ApiConfiguration = api;
        AgentConfiguration = agent;
    }

    /// <summary>
    /// This machine's first IPv4 address beyond loopback, where the managed server renders TLS (on loopback it stays
    /// plain); null when the machine has none. The traffic still stays inside the kernel, as on loopback.
    /// </summary>
    public static string? Host { get; } = NetworkInterface.GetAllNetworkInterfaces()
        .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(i => i.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)?.ToString();

    /// <summary>The API side's configuration (the control plane's identity when identities are on).</summary>
    public IConfiguration ApiConfiguration { get; }

    /// <summary>The agent's configuration (its own identity and inbox prefix when identities are on).</summary>
    public IConfiguration AgentConfiguration { get; }

    /// <summary>The pid of the running nats-server.</summary>
    public int ProcessId => _server.ProcessId ?? throw new InvalidOperationException("the bench's nats-server is not running");

    /// <summary>
    /// A server on <paramref name="host"/> with TLS (HostOps' CA) or not, and with nkey identities (the control
    /// plane's and the agent's) or anonymous, so that the two halves of the production set-up can be measured apart.
    /// </summary>
    public static async Task<BenchNatsServer> StartAsync(string host, bool tls, bool identities)
    {
        var dataDir = Directory.CreateTempSubdirectory("hostops-bench-nats-").FullName;
        var options = new NatsServerOptions { Host = host, Port = FreePorts.Next() };
        var jobs = BenchJobConfiguration.Create($"nats://{host}:{options.Port}");
        var ca = tls ? HostOpsCa.Ensure(dataDir, [host]) : null;
        var caFile = ca?.CaPath ?? "";
        if (!identities)
        {
            var open = new ManagedNatsServer(options, dataDir, NullLogger<ManagedNatsServer>.Instance) { Tls = ca };
            var anonymous = BenchJobConfiguration.With(jobs, new Dictionary<string, string?> { ["nats:ca_file"] = caFile });
            return await StartAsync(open, dataDir, anonymous, anonymous);
        }

        var jobOptions = jobs.GetSection(JobOptions.Section).Get<JobOptions>()!;
        var api = NkeySeedFile.LoadOrCreate(Path.Combine(dataDir, "identity", "api.nk"));
        var agent = NkeySeedFile.LoadOrCreate(Path.Combine(dataDir, "identity", "agent.nk"));
        var enrollment = new AgentEnrollment(
            EndToEndWorkload.AgentHostname, agent.PublicKey, new Dictionary<string, string>(), AgentStates.Accepted, DateTimeOffset.UtcNow);
        var server = new ManagedNatsServer(options, dataDir, NullLogger<ManagedNatsServer>.Instance)
        {
            Admin = api,
            Tls = ca,
            Users = FleetUsers.For(jobOptions, api.PublicKey, [enrollment]),
        };
        var apiJobs = BenchJobConfiguration.With(jobs, new Dictionary<string, string?>
        {
            ["nats:nkey_file"] = api.Path,
            ["nats:ca_file"] = caFile,
        });
        var agentJobs = BenchJobConfiguration.With(jobs, new Dictionary<string, string?>
        {
            ["nats:nkey_file"] = agent.Path,
            ["nats:ca_file"] = caFile,
            ["nats:inbox_prefix"] = AgentPermissions.InboxPrefix(EndToEndWorkload.AgentHostname),
        });
        return await StartAsync(server, dataDir, apiJobs, agentJobs);
    }

    /// <summary>
    /// A plain server on loopback that accepts only <paramref name="identity"/> (which may use everything), and the
    /// API side and the agent both connecting as it: a single server set up as <see cref="HostOps.Testing.Nats.ManagedNatsCluster"/>'s members are.
    /// </summary>
    public static async Task<BenchNatsServer> StartForAsync(NkeySeedFile identity)
    {
        var dataDir = Directory.CreateTempSubdirectory("hostops-bench-nats-").FullName;
        var options = new NatsServerOptions { Host = "127.0.0.1", Port = FreePorts.Next() };
        var server = new ManagedNatsServer(options, dataDir, NullLogger<ManagedNatsServer>.Instance)
        {
            Admin = identity,
            Users = [NatsUser.Everything("api", identity.PublicKey)],
        };
        var jobs = BenchJobConfiguration.With(BenchJobConfiguration.Create(server.Url), new Dictionary<string, string?> { ["nats:nkey_file"] = identity.Path });
        return await StartAsync(server, dataDir, jobs, jobs);
    }

    private static async Task<BenchNatsServer> StartAsync(ManagedNatsServer server, string dataDir, IConfiguration api, IConfiguration agent)
    {
        try
        {
            await server.StartAsync(CancellationToken.None);
        }
        catch
        {
            await server.DisposeAsync();
            Directory.Delete(dataDir, recursive: true);
            throw;
        }

        return new BenchNatsServer(server, dataDir, api, agent);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }
}
