using HostOps.Contracts.Agents;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Provisioning;
using HostOps.Jobs.Security;
using HostOps.Nats.Auth;
using HostOps.Nats.Configuration;
using HostOps.Nats.Server;
using HostOps.Testing.Jobs;
using HostOps.Testing.Network;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using Xunit;

namespace HostOps.Testing.Nats;

/// <summary>
/// A managed nats-server as HostOps runs it in production: from its generated configuration, accepting only the
/// control plane's identity and three enrolled agents (<see cref="Host"/>, labelled <see cref="HostLabels"/>, <see cref="OtherHost"/>, and <see cref="DrainingHost"/>, draining), each with the
/// permissions <see cref="AgentPermissions"/> gives it. The job resources are provisioned as the control plane.
/// </summary>
public sealed class SecuredNatsFixture : IAsyncLifetime
{
    public const string Host = "web1";
    public const string OtherHost = "web2";
    public const string DrainingHost = "web3";

    /// <summary>The labels <see cref="Host"/>'s enrollment grants (the others have none).</summary>
    public static IReadOnlyDictionary<string, string> HostLabels { get; } = new Dictionary<string, string> { ["group"] = "web.dev" };

    private readonly string _dataDir = Directory.CreateTempSubdirectory("hostops-secured-").FullName;
    private ManagedNatsServer? _server;
    private List<AgentEnrollment> _enrolled = [];
    private List<AgentEnrollment> _enrollments = [];

    public NkeySeedFile Api { get; private set; } = null!;

    public NkeySeedFile Agent { get; private set; } = null!;

    public NkeySeedFile OtherAgent { get; private set; } = null!;

    /// <summary>An accepted agent that is being drained.</summary>
    public NkeySeedFile DrainingAgent { get; private set; } = null!;

    public string Url => _server?.Url ?? throw new InvalidOperationException("fixture not started");

    /// <summary>The job configuration every test here uses (resource names are unique to this fixture).</summary>
    public IConfiguration JobConfiguration { get; private set; } = null!;

    public JobOptions Options { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Api = NkeySeedFile.LoadOrCreate(Path.Combine(_dataDir, "identity", "api.nk"));
        Agent = NkeySeedFile.LoadOrCreate(Path.Combine(_dataDir, "identity", "web1.nk"));
        OtherAgent = NkeySeedFile.LoadOrCreate(Path.Combine(_dataDir, "identity", "web2.nk"));
        DrainingAgent = NkeySeedFile.LoadOrCreate(Path.Combine(_dataDir, "identity", "web3.nk"));
        var port = FreePorts.Next();
        JobConfiguration = TestJobConfiguration.Create($"nats://127.0.0.1:{port}");
        Options = JobConfiguration.GetSection(JobOptions.Section).Get<JobOptions>()!;
        var noLabels = new Dictionary<string, string>();
        AgentEnrollment Enrolled(string host, NkeySeedFile key) =>
            new(host, key.PublicKey, host == Host ? HostLabels : noLabels, AgentStates.Accepted, DateTimeOffset.UtcNow);
        _enrolled = [Enrolled(Host, Agent), Enrolled(OtherHost, OtherAgent), Enrolled(DrainingHost, DrainingAgent) with { Draining = true }];
        _enrollments = _enrolled;
        _server = new ManagedNatsServer(new NatsServerOptions { Host = "127.0.0.1", Port = port }, _dataDir, NullLogger<ManagedNatsServer>.Instance)
        {
            Admin = Api,
            Users = FleetUsers.For(Options, Api.PublicKey, _enrollments),
        };
        await _server.StartAsync(CancellationToken.None);
        await using var api = await ConnectAsync(Api);
        await JobResources.EnsureAsync(api, Options, CancellationToken.None);
    }

    /// <summary>Removes an agent's enrollment, as <c>DELETE /agent/{host}</c> does: the server reloads without its identity.</summary>
    public void Remove(string hostname)
    {
        _enrollments = [.. _enrollments.Where(e => e.Hostname != hostname)];
        (_server ?? throw new InvalidOperationException("fixture not started")).ApplyUsers(FleetUsers.For(Options, Api.PublicKey, _enrollments));
    }

    /// <summary>Gives a removed agent its enrollment back: the server reloads with its identity.</summary>
    public void Readmit(string hostname)
    {
        _enrollments = [.. _enrollments, .. _enrolled.Where(e => e.Hostname == hostname)];
        (_server ?? throw new InvalidOperationException("fixture not started")).ApplyUsers(FleetUsers.For(Options, Api.PublicKey, _enrollments));
    }

    /// <summary>A connection as <paramref name="identity"/> (none: anonymous), replies on <paramref name="inboxPrefix"/>.</summary>
    public Task<NatsConnection> ConnectAsync(NkeySeedFile? identity, string? inboxPrefix = null) => NatsIdentityClient.ConnectAsync(Url, identity, inboxPrefix);

    /// <summary>The configuration a component connects with as <paramref name="identity"/>, on top of <see cref="JobConfiguration"/>.</summary>
    public IConfiguration ConfigurationFor(NkeySeedFile identity, string? inboxPrefix = null) =>
        new ConfigurationBuilder()
            .AddConfiguration(JobConfiguration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["nats:nkey_file"] = identity.Path,
                ["nats:inbox_prefix"] = inboxPrefix ?? "",
            })
            .Build();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dataDir, recursive: true);
    }
}
