using HostOps.Cli.Configuration;
using HostOps.Nats.Auth;
using HostOps.Nats.Server;
using HostOps.Nats.Tls;
using Microsoft.Extensions.Logging;

namespace HostOps.Cli.Hosting;

/// <summary>
/// The managed server as the CLI runs it: re-provisioned after each restart, its data directory claimed before
/// anything else is touched. A data directory in use by another hostops and a problem with the server's settings
/// (port in use, binary missing) are configuration errors, exit 2.
/// </summary>
internal static class ManagedNats
{
    /// <summary>
    /// The managed server as the control plane's identity (<c>nats.nkey_file</c>, see
    /// <see cref="FleetIdentities.UseApiIdentity"/>) runs it: that identity and the accepted agents are its users.
    /// </summary>
    public static ManagedNatsServer Create(HostOpsSettings settings, ILoggerFactory loggers)
    {
        var admin = NkeySeedFile.Load(settings.Nats.NkeyFile);
        var server = settings.NatsServer;
        return new(server, settings.DataDir, loggers.CreateLogger<ManagedNatsServer>())
        {
            Admin = admin,
            Tls = ServerTls(settings),
            ClusterSecret = server.Cluster.Enabled ? ClusterSecret.LoadOrCreate(settings.DataDir) : null,
            Users = AuthorizationFollower.InitialUsers(settings, admin),
            AfterRestart = cancellationToken => NatsProvisioning.EnsureAsync(settings, cancellationToken),
        };
    }

    /// <summary>
    /// The managed server's certificate: the operator's own (<c>nats.server.tls</c>) when configured, else HostOps'
    /// own CA when the server (or its cluster's route listener) listens beyond loopback; none (plain) on loopback.
    /// </summary>
    public static HostOpsCa? ServerTls(HostOpsSettings settings)
    {
        var server = settings.NatsServer;
        string[] listeners = server.Cluster.Enabled ? [server.Host, NatsServerConfigFile.ClusterHost(server)] : [server.Host];
        return server.Tls is { IsConfigured: true } own ? new HostOpsCa(own.CaFile, own.CertFile, own.KeyFile)
            : listeners.All(HostOpsCa.IsLoopbackOnly) ? null
            : HostOpsCa.Ensure(settings.DataDir, listeners);
    }

    /// <summary>Takes the data directory's lock; another hostops running on it is named by its pid.</summary>
    public static void ClaimDataDirectory(ManagedNatsServer server)
    {
        try
        {
            server.ClaimDataDirectory();
        }
        catch (DataDirectoryInUseException e)
        {
            throw new ConfigException(e.Message, e);
        }
    }

    public static async Task StartAsync(ManagedNatsServer server, CancellationToken cancellationToken)
    {
        ClaimDataDirectory(server);
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
