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
/// One <see cref="ManagedNatsServer"/> on a loopback port with its own data directory, and the job configuration the
/// API side and the <see cref="EndToEndWorkload.AgentHostname"/> agent connect with. Secured, it runs as production
/// runs it beyond loopback: TLS with HostOps' CA (<see cref="HostOpsCa"/>; on loopback only because the bench sets
/// <see cref="ManagedNatsServer.Tls"/>), and only nkey identities — the control plane's, which may use everything, and
/// one accepted agent's with its least-privilege permissions (<see cref="FleetUsers"/>), replying on its own inbox
/// prefix. Plain, the same server is anonymous and unencrypted, as the bench and the tests run it.
/// </summary>
internal sealed class LoopbackNatsServer : IAsyncDisposable
{
    private readonly ManagedNatsServer _server;
    private readonly string _dataDir;

    private LoopbackNatsServer(ManagedNatsServer server, string dataDir, IConfiguration api, IConfiguration agent)
    {
        _server = server;
        _dataDir = dataDir;
        ApiConfiguration = api;
        AgentConfiguration = agent;
    }

    /// <summary>The API side's configuration (the control plane's identity when secured).</summary>
    public IConfiguration ApiConfiguration { get; }

    /// <summary>The agent's configuration (its own identity and inbox prefix when secured).</summary>
    public IConfiguration AgentConfiguration { get; }

    /// <summary>The pid of the running nats-server.</summary>
    public int ProcessId => _server.ProcessId ?? throw new InvalidOperationException("the bench's nats-server is not running");

    /// <summary>Anonymous and unencrypted.</summary>
    public static Task<LoopbackNatsServer> StartPlainAsync() => StartAsync(tls: false, identities: false);

    /// <summary>TLS and nkey identities, as production runs beyond loopback.</summary>
    public static Task<LoopbackNatsServer> StartSecuredAsync() => StartAsync(tls: true, identities: true);

    /// <summary>
    /// A server with TLS (HostOps' CA) or not, and with nkey identities (the control plane's and the agent's, with its
    /// permissions and inbox prefix) or anonymous: the two halves of <see cref="StartSecuredAsync"/> can be measured apart.
    /// </summary>
    public static async Task<LoopbackNatsServer> StartAsync(bool tls, bool identities)
    {
        var dataDir = Directory.CreateTempSubdirectory("hostops-bench-nats-").FullName;
        var options = new NatsServerOptions { Host = "127.0.0.1", Port = FreePorts.Next() };
        var jobs = BenchJobConfiguration.Create($"nats://127.0.0.1:{options.Port}");
        var ca = tls ? HostOpsCa.Ensure(dataDir, [options.Host]) : null;
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

    private static async Task<LoopbackNatsServer> StartAsync(ManagedNatsServer server, string dataDir, IConfiguration api, IConfiguration agent)
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

        return new LoopbackNatsServer(server, dataDir, api, agent);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }
}
