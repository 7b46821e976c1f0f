using System.Text.Json;
using HostOps.Cli.Configuration;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Json;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Security;
using HostOps.Jobs.Store;
using HostOps.Nats.Auth;
using HostOps.Nats.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace HostOps.Cli.Hosting;

/// <summary>
/// Keeps the managed nats-server's users in step with the enrollment bucket: it watches the bucket (as the control
/// plane) and, whenever the set of accepted agents changes, rewrites the server's configuration and has it reload
/// (no restart; the connections of a removed agent are closed by the server). The accepted agents are also kept in
/// <c>&lt;data_dir&gt;/identity/agents.json</c>, so a restarted server lets them in from its first second.
/// </summary>
internal sealed partial class AuthorizationFollower : IAsyncDisposable
{
    private readonly HostOpsSettings _settings;
    private readonly ManagedNatsServer _server;
    private readonly NkeySeedFile _api;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _following;

    private AuthorizationFollower(HostOpsSettings settings, ManagedNatsServer server, NkeySeedFile api, ILogger logger)
    {
        _settings = settings;
        _server = server;
        _api = api;
        _logger = logger;
        _following = Task.Run(() => FollowAsync(_stopping.Token));
    }

    public static string SnapshotPath(string dataDir) => Path.Combine(dataDir, "identity", "agents.json");

    /// <summary>The users a server on this data directory starts with: the control plane and the agents accepted so far.</summary>
    public static IReadOnlyList<NatsUser> InitialUsers(HostOpsSettings settings, NkeySeedFile api) =>
        FleetUsers.For(settings.Job, api.PublicKey, ReadSnapshot(settings.DataDir));

    public static AuthorizationFollower Start(HostOpsSettings settings, ManagedNatsServer server, NkeySeedFile api, ILoggerFactory loggers) =>
        new(settings, server, api, loggers.CreateLogger<AuthorizationFollower>());

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _following.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        var connection = new NatsConnectionOptions { Url = _server.Url, NkeyFile = _api.Path, CaFile = _server.ClientTls?.CaPath ?? "" };
        await using var nats = new NatsConnection(NatsClientOptions.For(connection, "hostops-authorization"));
        var buckets = new JobBuckets(nats, Options.Create(_settings.Job));
        var applied = _server.Users; // what the server runs with now
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var store = await buckets.EnrollmentsAsync(stoppingToken);
                var known = new Dictionary<string, AgentEnrollment>(StringComparer.Ordinal);
                var loaded = false;
                var options = new NatsKVWatchOpts
                {
                    IdleHeartbeat = JobBuckets.WatchHeartbeat,
                    OnNoData = _ =>
                    {
                        loaded = true;
                        applied = Apply(known.Values, applied);
                        return ValueTask.FromResult(false);
                    },
                };
                await foreach (var entry in store.WatchAsync<byte[]>($"{JobKeys.EnrollmentPrefix}>", opts: options, cancellationToken: stoppingToken))
                {
                    if (entry.Operation == NatsKVOperation.Put && JobSerializers.TryRead(entry.Value, HostOpsJsonContext.Default.AgentEnrollment) is { } enrollment)
                    {
                        known[entry.Key] = enrollment;
                    }
                    else
                    {
                        known.Remove(entry.Key);
                    }

                    loaded |= entry.Delta == 0;
                    if (loaded)
                    {
                        applied = Apply(known.Values, applied);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFollowFailed(_logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private IReadOnlyList<NatsUser> Apply(IEnumerable<AgentEnrollment> enrollments, IReadOnlyList<NatsUser> applied)
    {
        var accepted = enrollments.Where(e => e.State == AgentStates.Accepted).OrderBy(e => e.Hostname, StringComparer.Ordinal).ToList();
        var users = FleetUsers.For(_settings.Job, _api.PublicKey, accepted);
        if (users.SequenceEqual(applied, NatsUserComparer.Instance))
        {
            return applied;
        }

        NkeySeedFile.WritePrivate(SnapshotPath(_settings.DataDir), JsonSerializer.Serialize(accepted, HostOpsJsonContext.Default.ListAgentEnrollment));
        _server.ApplyUsers(users);
        LogApplied(_logger, users.Count - 1);
        return users;
    }

    private static List<AgentEnrollment> ReadSnapshot(string dataDir)
    {
        var path = SnapshotPath(dataDir);
        return File.Exists(path)
            ? JobSerializers.TryRead(File.ReadAllBytes(path), HostOpsJsonContext.Default.ListAgentEnrollment) ?? []
            : [];
    }

    private sealed class NatsUserComparer : IEqualityComparer<NatsUser>
    {
        public static readonly NatsUserComparer Instance = new();

        public bool Equals(NatsUser? x, NatsUser? y) =>
            x is not null && y is not null && x.PublicKey == y.PublicKey && x.Publish.SequenceEqual(y.Publish) && x.Subscribe.SequenceEqual(y.Subscribe);

        public int GetHashCode(NatsUser obj) => obj.PublicKey.GetHashCode(StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "NATS identities updated: {Agents} accepted agents")]
    private static partial void LogApplied(ILogger logger, int agents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following agent enrollments failed; resuming")]
    private static partial void LogFollowFailed(ILogger logger, Exception exception);
}
