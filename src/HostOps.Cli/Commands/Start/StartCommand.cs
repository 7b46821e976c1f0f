using System.CommandLine;
using HostOps.Cli.Configuration;
using HostOps.Cli.Hosting;
using Microsoft.Extensions.Hosting;

namespace HostOps.Cli.Commands.Start;

/// <summary><c>hostops start</c>: managed nats-server, provisioning, API and one agent in one process.</summary>
internal static class StartCommand
{
    public static Command Create()
    {
        var command = new Command(
            "start",
            "Run a managed nats-server, the API and one agent in one process; writes the signing key and an admin token for `hostops client` into <data_dir>/hostops.yaml").WithExamples(
            "hostops start",
            "HOSTOPS_API__SERVER__PORT=18080 HOSTOPS_NATS__SERVER__PORT=14222 hostops start");
        command.SetRunner(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        var loaded = context.LoadConfiguration();
        var firstRun = StartupSecrets.EnsureSigningKey(loaded);
        if (firstRun)
        {
            loaded = context.LoadConfiguration();
        }

        var settings = StartupSecrets.UseManagedNatsUrl(loaded, HostOpsSettings.Bind(loaded));
        ConfigValidator.Validate(settings, StartingComponents.All);

        // Before the port check and the token write: a second start on this data directory names the first one.
        using var loggers = CliLogging.CreateFactory(loaded.Configuration);
        await using var nats = ManagedNats.Create(settings, loggers);
        ManagedNats.ClaimDataDirectory(nats);
        ConfigValidator.PortIsFree("api:server:port", settings.ApiServer.Host, settings.ApiServer.Port);
        StartupSecrets.WriteAdminToken(loaded, settings, TimeProvider.System);

        await ManagedNats.StartAsync(nats, context.CancellationToken);
        await NatsProvisioning.EnsureAsync(settings, context.CancellationToken);

        await using var app = ApiHost.Create(loaded, settings, withAgent: true);
        await app.StartAsync(context.CancellationToken);
        await StartBanner.WriteAsync(context.Output, settings, nats, loaded.GeneratedFilePath, firstRun);
        await app.WaitForShutdownAsync(context.CancellationToken);
        await context.Output.WriteLineAsync("hostops: stopped");
        return CliApp.Ok;
    }
}
