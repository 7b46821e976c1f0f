using HostOps.Agent.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace HostOps.Agent.Admission;

/// <summary>
/// Stops the agent once NATS no longer admits its identity — an admin removed it (<c>DELETE /agent/{host}</c>) or
/// rejected it, and the server closed its connection — instead of reconnecting with a refused identity forever. A
/// running agent's identity is refused only then (the server keeps its accepted agents across restarts and swaps its
/// users at once on a reload), yet a refusal counts only when no reconnect is admitted for <see cref="RefusedFor"/>,
/// so a server that lacks the identity for a moment is ridden out. The agent then stops its host within
/// <see cref="RevokedGrace"/>; <see cref="Reason"/> tells the command why, to report it in one line and exit non-zero.
/// </summary>
public sealed partial class RevocationWatch : IHostedService, IDisposable
{
    /// <summary>How long the server must go on refusing the identity before the agent stops.</summary>
    public static readonly TimeSpan RefusedFor = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The shutdown grace of a revoked agent: what it holds cannot be finished (it has no identity left to write a
    /// result with, and the API hands its attempts to others), so it does not wait out the usual grace period.
    /// </summary>
    public static readonly TimeSpan RevokedGrace = TimeSpan.FromSeconds(2);

    private readonly INatsConnection _connection;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly HostOptions _host;
    private readonly AgentIdentity _identity;
    private readonly TimeProvider _time;
    private readonly ILogger<RevocationWatch> _logger;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<string> _revoked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _refused;

    public RevocationWatch(
        INatsConnection connection, IHostApplicationLifetime lifetime, IOptions<HostOptions> host, AgentIdentity identity, TimeProvider time,
        ILogger<RevocationWatch> logger)
    {
        _connection = connection;
        _lifetime = lifetime;
        _host = host.Value;
        _identity = identity;
        _time = time;
        _logger = logger;
    }

    /// <summary>Why the agent stopped by itself (its identity was revoked); null while it has not.</summary>
    public string? Reason { get; private set; }

    /// <summary>Completes with <see cref="Reason"/> once the identity counts as revoked.</summary>
    public Task<string> Revoked => _revoked.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _connection.ServerError += OnServerErrorAsync;
        _connection.ConnectionOpened += OnOpenedAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _connection.ServerError -= OnServerErrorAsync;
        _connection.ConnectionOpened -= OnOpenedAsync;
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _refused?.Dispose();
            _refused = null;
        }
    }

    private ValueTask OnServerErrorAsync(object? sender, NatsServerErrorEventArgs args)
    {
        if (args.Kind is NatsServerErrorKind.AuthorizationViolation or NatsServerErrorKind.AuthenticationRevoked)
        {
            lock (_gate)
            {
                _refused ??= _time.CreateTimer(_ => GiveUp(), null, RefusedFor, Timeout.InfiniteTimeSpan);
            }
        }

        return ValueTask.CompletedTask;
    }

    // Admitted again: whatever refusal came before was passing.
    private ValueTask OnOpenedAsync(object? sender, NatsEventArgs args)
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void GiveUp()
    {
        lock (_gate)
        {
            if (_refused is null || _connection.ConnectionState == NatsConnectionState.Open)
            {
                return;
            }
        }

        Reason = $"NATS no longer admits the identity of agent {_identity.Hostname}: it was removed or rejected by an admin " +
                 "(hostops client agent list); the agent stops. Enroll it again to run it";
        LogRevoked(_logger, _identity.Hostname, RefusedFor.TotalSeconds);

        // The host reads its shutdown timeout when it stops, from this very options instance.
        _host.ShutdownTimeout = TimeSpan.FromTicks(Math.Min(_host.ShutdownTimeout.Ticks, RevokedGrace.Ticks));
        _revoked.TrySetResult(Reason);
        _lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS has refused the identity of agent {Hostname} for {Seconds} s; stopping")]
    private static partial void LogRevoked(ILogger logger, string hostname, double seconds);
}
