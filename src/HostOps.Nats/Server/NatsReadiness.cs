using NATS.Client.Core;
using NATS.Client.JetStream;

namespace HostOps.Nats.Server;

/// <summary>
/// Waits until a server takes a client and, with <c>jetStream</c>, answers a JetStream account-info request: a
/// listening port alone is not ready.
/// </summary>
internal static class NatsReadiness
{
    /// <param name="exitedEarly">Checked before each try: an exception when the process is already gone.</param>
    public static async Task WaitUntilReadyAsync(
        string url, NatsAuthOpts auth, NatsTlsOpts tls, bool jetStream, TimeSpan timeout, Func<Exception?> exitedEarly, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (exitedEarly() is { } exited)
            {
                throw exited;
            }

            try
            {
                await using var connection = new NatsConnection(new NatsOpts
                {
                    Url = url,
                    Name = "hostops-ready-probe",
                    AuthOpts = auth,
                    TlsOpts = tls,
                    ConnectTimeout = TimeSpan.FromSeconds(1),
                    RequestTimeout = TimeSpan.FromSeconds(1),
                });
                await connection.ConnectAsync();
                if (jetStream)
                {
                    await new NatsJSContext(connection).GetAccountInfoAsync(cancellationToken);
                }

                return;
            }
            catch (Exception e) when (e is NatsException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (Exception e) when (e is NatsException or TimeoutException)
            {
                throw new ManagedNatsServerException($"nats-server did not answer {(jetStream ? "JetStream requests" : "clients")} within {timeout.TotalSeconds:0}s", e);
            }
        }
    }
}
