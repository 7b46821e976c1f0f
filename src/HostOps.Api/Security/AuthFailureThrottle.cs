using System.Collections.Concurrent;
using HostOps.Api.Configuration;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Security;

/// <summary>
/// Counts failed authentications per client address. Written by hand because the framework's rate limiter
/// counts requests, not failures: a client that authenticates correctly must never be slowed down by it.
/// After <c>max_failures</c> failures within one window the address is locked out for one window.
/// </summary>
internal sealed partial class AuthFailureThrottle(IOptions<ApiServerOptions> options, TimeProvider timeProvider, ILogger<AuthFailureThrottle> logger)
{
    // Beyond this many tracked addresses, expired entries are swept so the table cannot grow without bound.
    private const int SweepThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly AuthThrottleOptions _options = options.Value.Security.AuthThrottle;

    /// <summary>How long the client must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        if (!_entries.TryGetValue(client, out var entry))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        lock (entry)
        {
            return entry.BlockedUntil > now ? entry.BlockedUntil - now : null;
        }
    }

    public void RecordFailure(string client)
    {
        var now = timeProvider.GetUtcNow();
        var window = _options.Window.Value;
        if (_entries.Count > SweepThreshold)
        {
            Sweep(now, window);
        }

        var entry = _entries.GetOrAdd(client, _ => new Entry());
        lock (entry)
        {
            if (now - entry.WindowStart >= window)
            {
                entry.WindowStart = now;
                entry.Failures = 0;
            }

            entry.Failures++;
            if (entry.Failures >= _options.MaxFailures && entry.BlockedUntil <= now)
            {
                entry.BlockedUntil = now + window;
                entry.WindowStart = entry.BlockedUntil;
                entry.Failures = 0;
                LogLockedOut(logger, client, _options.MaxFailures, _options.Window.ToString());
            }
        }
    }

    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private void Sweep(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                if (entry.BlockedUntil <= now && now - entry.WindowStart >= window)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Client {Client} locked out after {Failures} failed authentications within {Window}")]
    private static partial void LogLockedOut(ILogger logger, string client, int failures, string window);

    private sealed class Entry
    {
        public DateTimeOffset WindowStart { get; set; } = DateTimeOffset.MinValue;

        public int Failures { get; set; }

        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
