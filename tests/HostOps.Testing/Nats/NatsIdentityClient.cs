using HostOps.Nats.Auth;
using NATS.Client.Core;

namespace HostOps.Testing.Nats;

/// <summary>A test's own NATS connection as one identity (none: anonymous), without reconnects, so a refusal shows at once.</summary>
public static class NatsIdentityClient
{
    /// <summary>Connected, or the connect's <see cref="NatsException"/> (the connection is disposed then).</summary>
    public static async Task<NatsConnection> ConnectAsync(string url, NkeySeedFile? identity, string? inboxPrefix = null)
    {
        var connection = new NatsConnection(NatsOpts.Default with
        {
            Url = url,
            Name = "hostops-test",
            AuthOpts = identity?.AuthOpts ?? NatsAuthOpts.Default,
            InboxPrefix = inboxPrefix ?? NatsOpts.Default.InboxPrefix,
            MaxReconnectRetry = 0,
        });
        try
        {
            await connection.ConnectAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
