using System.CommandLine;
using HostOps.Cli.Configuration;
using HostOps.Cli.Hosting;

namespace HostOps.Cli.Commands.Nats;

/// <summary><c>hostops nats server start</c>: only the managed nats-server, with the job streams and buckets provisioned.</summary>
internal static class NatsServerStartCommand
{
    private static readonly Option<string?> Join = new("--join")
    {
        Description = "Join a NATS cluster of HostOps with a token from `hostops token generate --server` (needed once per server)",
        HelpName = "TOKEN",
    };

    public static Command Create()
    {
        var command = new Command("start", """
            Run the managed nats-server with JetStream until Ctrl-C, and create the job streams and buckets.
            Listens on nats.server.host:port; the store is nats.server.store_dir or <data_dir>/nats.
            Restarts the server if it dies (1 s, doubling up to 30 s); one instance per data directory.
            With nats.server.cluster.name set it is one server of a NATS cluster; a new server joins once with --join.
            """) { Join }.WithExamples(
            "hostops nats server start",
            "HOSTOPS_NATS__SERVER__NAME=n2 hostops nats server start --join hj1.eyJhcGkiOlsiaHR0cHM6Ly8xMC4wLjAuNTo4MDgwIl0s…",
            "HOSTOPS_NATS__SERVER__PORT=14222 hostops nats server start");
        command.SetRunner(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        var loaded = await ClusterJoin.EnsureAsync(context.LoadConfiguration, context.Parse.GetValue(Join), context.Error, context.CancellationToken);
        var settings = FleetIdentities.UseApiIdentity(loaded, StartupSecrets.UseManagedNatsUrl(loaded, HostOpsSettings.Bind(loaded)), managedServer: true);
        ConfigValidator.Validate(settings, StartingComponents.NatsServer);

        using var loggers = CliLogging.CreateFactory(loaded.Configuration);
        await using var nats = ManagedNats.Create(settings, loggers);
        await ManagedNats.StartAsync(nats, context.CancellationToken);
        await NatsProvisioning.EnsureForManagedServerAsync(settings, context.Error, context.CancellationToken);
        await using var authorization = AuthorizationFollower.Start(settings, nats, nats.Admin!, loggers);
        await context.Output.WriteLineAsync($"nats-server is running at {nats.Url} (store {nats.StoreDir}); Ctrl-C stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        return CliApp.Ok;
    }
}
