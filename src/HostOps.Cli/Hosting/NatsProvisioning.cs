using HostOps.Cli.Configuration;
using HostOps.Jobs.Provisioning;
using NATS.Client.Core;

namespace HostOps.Cli.Hosting;

/// <summary>Creates or updates every stream and bucket before the API and agent start using them.</summary>
internal static class NatsProvisioning
{
    public static async Task EnsureAsync(HostOpsSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = settings.Nats.Url, Name = "hostops-provisioning" });
        await connection.ConnectAsync();
        await JobResources.EnsureAsync(connection, settings.Job, cancellationToken);
    }
}
