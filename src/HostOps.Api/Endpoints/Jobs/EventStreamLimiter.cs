using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using HostOps.Api.Configuration;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Endpoints.Jobs;

/// <summary>Counts the event streams each token holds open (<c>api.server.events.max_streams_per_token</c>).</summary>
internal sealed class EventStreamLimiter(IOptions<ApiServerOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Limit => options.Value.Events.MaxStreamsPerToken;

    /// <summary>A place for one more stream of the request's token, released on dispose; null when it holds the limit already.</summary>
    public IDisposable? TryOpen(HttpContext context)
    {
        var token = TokenKey(context);
        while (true)
        {
            var open = _open.GetValueOrDefault(token);
            if (open >= Limit)
            {
                return null;
            }

            if (open == 0 ? _open.TryAdd(token, 1) : _open.TryUpdate(token, open + 1, open))
            {
                return new Lease(this, token);
            }
        }
    }

    /// <summary>Streams open for tokens now (for tests).</summary>
    public int OpenCount => _open.Values.Sum();

    private void Release(string token)
    {
        while (true)
        {
            var open = _open.GetValueOrDefault(token);
            if (open <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(token, open)) : _open.TryUpdate(token, open - 1, open))
            {
                return;
            }
        }
    }

    // A token is known by its jti (every HostOps token has one); a foreign token without one by its hash.
    private static string TokenKey(HttpContext context) =>
        context.User.FindFirst("jti")?.Value
        ?? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString())));

    private sealed class Lease(EventStreamLimiter limiter, string token) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                limiter.Release(token);
            }
        }
    }
}
