using HostOps.Cli.Configuration;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Provisioning;
using NATS.Client.Core;

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
        catch (NatsException e)
        {
            await output.WriteLineAsync($"hostops: NATS at {settings.Nats.Url} does not answer yet ({e.Message}); streams and buckets are created once it does");
        }
    }
}
