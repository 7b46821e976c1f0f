using System.CommandLine;
using HostOps.Cli.Configuration;
using HostOps.Cli.Hosting;
using Microsoft.Extensions.Hosting;

namespace HostOps.Cli.Commands.Start;

/// <summary><c>hostops start</c>: managed nats-server, provisioning, API and one agent in one process.</summary>
internal static class StartCommand
{
    /// <param name="configureAgent">Adds to the agent's services after the built-in ones (see <see cref="ServerCli.RunAsync"/>).</param>
    public static Command Create(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureAgent = null)
    {
        var command = new Command(
            "start",
            "Run a managed nats-server, the API and one agent in one process; writes the signing key and an admin token for `hostops client` into <data_dir>/hostops.yaml").WithExamples(
            "hostops start",
            "HOSTOPS_API__SERVER__PORT=18080 HOSTOPS_NATS__SERVER__PORT=14222 hostops start");
        command.SetRunner(context => RunAsync(context, configureAgent));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureAgent)
    {
        var loaded = context.LoadConfiguration();
        var firstRun = StartupSecrets.EnsureSigningKey(loaded);
        if (firstRun)
        {
            loaded = context.LoadConfiguration();
        }

        var settings = FleetIdentities.UseApiIdentity(loaded, StartupSecrets.UseManagedNatsUrl(loaded, HostOpsSettings.Bind(loaded)), managedServer: true);
        ConfigValidator.Validate(settings, StartingComponents.All);
        ConfigValidator.Telemetry(loaded.Configuration);

        // Before the port check and the token write: a second start on this data directory names the first one.
        using var loggers = CliLogging.CreateFactory(loaded.Configuration);
        await using var nats = ManagedNats.Create(settings, loggers);
        ManagedNats.ClaimDataDirectory(nats);
        settings = ApiTls.Use(loaded, settings);
        ConfigValidator.PortIsFree("api:server:port", settings.ApiServer.Host, settings.ApiServer.Port);
        ConfigValidator.Telemetry(loaded.Configuration, checkPort: true);
        StartupSecrets.WriteAdminToken(loaded, settings, TimeProvider.System);

        await ManagedNats.StartAsync(nats, context.CancellationToken);
        await NatsProvisioning.EnsureForManagedServerAsync(settings, context.Error, context.CancellationToken);
        await using var authorization = AuthorizationFollower.Start(settings, nats, nats.Admin!, loggers);

        await using var app = ApiHost.Create(loaded);
        await app.StartAsync(context.CancellationToken);
        var agentConnection = await LocalEnrollment.EnsureAsync(settings, nats.Admin!, context.Error, context.CancellationToken);
        using var agent = AgentHost.Create(loaded, AgentHost.SharingApiTelemetry(agentConnection), configureAgent);
        await agent.StartAsync(context.CancellationToken);

        // The agent stops after the API, or alone once its identity is revoked (the API goes on without it).
        using var apiStopped = new CancellationTokenSource();
        var agentRevoked = AgentHost.StopWhenRevokedAsync(agent, context.Error, apiStopped.Token);
        await StartBanner.WriteAsync(context.Output, settings, nats, loaded.GeneratedFilePath, firstRun);
        SystemdNotify.Ready($"API on port {settings.ApiServer.Port}, NATS at {nats.Url}");
        await app.WaitForShutdownAsync(context.CancellationToken);
        await apiStopped.CancelAsync();
        if (!await agentRevoked)
        {
            await agent.StopAsync(CancellationToken.None);
        }

        await context.Output.WriteLineAsync("hostops: stopped");
        return CliApp.Ok;
    }
}
