using HostOps.Nats.Auth;
using HostOps.Nats.Configuration;
using HostOps.Nats.Server;
using HostOps.Testing.Network;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;

namespace HostOps.Testing.Nats;

/// <summary>
/// Managed nats-servers on loopback ports forming one NATS cluster, as HostOps runs them: each from its generated
/// configuration and its own data directory, all sharing the control plane's identity and the route secret. A server
/// can be killed (<see cref="KillAsync"/>) and started again on the same store (<see cref="RestartAsync"/>).
/// </summary>
public sealed class ManagedNatsCluster : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hostops-cluster-").FullName;
    private readonly ManagedNatsServer?[] _servers;
    private readonly NatsServerOptions[] _options;
    private readonly string _secret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private ManagedNatsCluster(int size)
    {
        Api = NkeySeedFile.LoadOrCreate(Path.Combine(_root, "api.nk"));
        var clients = Enumerable.Range(0, size).Select(_ => FreePorts.Next()).ToArray();
        var routes = Enumerable.Range(0, size).Select(_ => FreePorts.Next()).ToArray();
        _options = [.. Enumerable.Range(0, size).Select(i => new NatsServerOptions
        {
            Host = "127.0.0.1",
            Port = clients[i],
            Name = ServerName(i),
            Cluster = new NatsClusterOptions
            {
                Name = "hostops-test",
                Port = routes[i],
                Routes = [.. routes.Where((_, j) => j != i).Select(p => $"127.0.0.1:{p}")],
            },
        })];
        _servers = new ManagedNatsServer?[size];
    }

    /// <summary>The control plane's identity, accepted by every server.</summary>
    public NkeySeedFile Api { get; }

    public int Size => _servers.Length;

    /// <summary>Every server's client URL, comma-separated as <c>nats.url</c> takes them.</summary>
    public string Urls => string.Join(",", _options.Select(o => $"nats://127.0.0.1:{o.Port}"));

    public static string ServerName(int index) => $"n{index + 1}";

    /// <summary>Starts <paramref name="size"/> servers at once (none answers JetStream before a quorum is up).</summary>
    public static async Task<ManagedNatsCluster> StartAsync(int size = 3, CancellationToken cancellationToken = default)
    {
        var cluster = new ManagedNatsCluster(size);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, size).Select(i => cluster.RestartAsync(i, cancellationToken)));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The client URL of server <paramref name="index"/>.</summary>
    public string Url(int index) => $"nats://127.0.0.1:{_options[index].Port}";

    /// <summary>A connection as the control plane to every server (the client picks one).</summary>
    public Task<NatsConnection> ConnectAsync() => NatsIdentityClient.ConnectAsync(Urls, Api);

    /// <summary>Starts server <paramref name="index"/> (again), on its own store.</summary>
    public async Task RestartAsync(int index, CancellationToken cancellationToken = default)
    {
        var server = new ManagedNatsServer(_options[index], Path.Combine(_root, ServerName(index)), NullLogger<ManagedNatsServer>.Instance)
        {
            Admin = Api,
            Users = [NatsUser.Everything("api", Api.PublicKey)],
            ClusterSecret = _secret,
        };
        _servers[index] = server;
        await server.StartAsync(cancellationToken);
    }

    /// <summary>Kills server <paramref name="index"/> at once (SIGKILL, no lame-duck mode), as a crash would.</summary>
    public async Task KillAsync(int index)
    {
        if (_servers[index] is { } server)
        {
            _servers[index] = null;
            if (server.ProcessId is { } pid)
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }

            await server.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _servers.Length; i++)
        {
            await KillAsync(i);
        }

        Directory.Delete(_root, recursive: true);
    }
}
