using HostOps.Cli.Configuration;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Provisioning;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace HostOps.Cli.Hosting;

/// <summary>Creates or updates every stream and bucket before the API and agent start using them.</summary>
internal static class NatsProvisioning
{
    public static async Task EnsureAsync(HostOpsSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = new NatsConnection(NatsClientOptions.For(settings.Nats, "hostops-provisioning") with { MaxReconnectRetry = 0 });
        await connection.ConnectAsync();
        await JobResources.EnsureAsync(connection, settings.Job, cancellationToken);
    }

    /// <summary>
    /// After the managed server started: a single server answers at once; a server of a cluster waits until a quorum
    /// of the cluster is up (JetStream answers only then), saying once what it waits for.
    /// </summary>
    public static async Task EnsureForManagedServerAsync(HostOpsSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        if (!settings.NatsServer.Cluster.Enabled)
        {
            await EnsureAsync(settings, cancellationToken);
            return;
        }

        var said = false;
        while (true)
        {
            try
            {
                await EnsureAsync(settings, cancellationToken);
                return;
            }
            catch (Exception e) when (WaitsForQuorum(e) && !cancellationToken.IsCancellationRequested)
            {
                if (!said)
                {
                    said = true;
                    var routes = string.Join(", ", settings.NatsServer.Cluster.Routes);
                    var replicas = new[] { settings.Job.Stream.Replicas, settings.Job.Kv.Replicas, settings.Job.Dlq.Replicas, settings.Job.Registry.Replicas }.Max();
                    await output.WriteLineAsync(
                        $"hostops: waiting for the servers of cluster {settings.NatsServer.Cluster.Name} (routes {routes}): JetStream answers once a quorum is up, " +
                        $"and the first start makes its R{replicas} streams once {replicas} are ({e.Message})");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    // No quorum yet: no answer, "JetStream system temporarily unavailable" (503), or fewer servers up than replicas
    // ("insufficient resources" 10023, "no suitable peers for placement" 10005).
    private static bool WaitsForQuorum(Exception e) =>
        e is NatsNoRespondersException or NatsJSApiNoResponseException or TimeoutException or NatsJSApiException { Error.Code: 503 }
        || e is ProvisioningException { InnerException: NatsJSApiException { Error.Code: 503 } or NatsJSApiException { Error.ErrCode: 10023 or 10005 } };

    /// <summary>
    /// For the API or an agent started on its own: whoever starts first creates the resources, so provision when
    /// NATS answers; when it does not yet, say so and go on (the agent waits for its stream, the API reports
    /// degraded health until NATS is back).
    /// </summary>
    public static async Task EnsureIfReachableAsync(HostOpsSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureAsync(settings, cancellationToken);
        }
        catch (Exception e) when (e is NatsException || WaitsForQuorum(e))
        {
            await output.WriteLineAsync($"hostops: NATS at {settings.Nats.Url} does not answer yet ({e.Message}); streams and buckets are created once it does");
        }
    }
}
