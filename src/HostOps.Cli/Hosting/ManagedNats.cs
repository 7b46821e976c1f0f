using HostOps.Cli.Configuration;
using HostOps.Nats.Server;

namespace HostOps.Cli.Hosting;

/// <summary>Starts the managed server; a problem with its settings (port in use, binary missing) is a configuration error, exit 2.</summary>
internal static class ManagedNats
{
    public static async Task StartAsync(ManagedNatsServer server, CancellationToken cancellationToken)
    {
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch (ManagedNatsServerException e) when (e.Message.StartsWith("nats.server.", StringComparison.Ordinal))
        {
            throw new ConfigException(e.Message, e);
        }
    }
}
