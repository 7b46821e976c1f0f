using System.CommandLine;
using HostOps.Cli.Configuration;
using HostOps.Cli.Hosting;
using Microsoft.Extensions.Hosting;

namespace HostOps.Cli.Commands.Api;

/// <summary><c>hostops api server start</c>: the API alone, connecting to an existing NATS at nats.url.</summary>
internal static class ApiServerStartCommand
{
    public static Command Create()
    {
        var command = new Command("start", """
            Run the API server until Ctrl-C; it connects to the NATS server at nats.url.
            Needs api.server.security.signing_key (at least 32 bytes).
            """).WithExamples(
            "hostops api server start",
            "HOSTOPS_NATS__URL=nats://10.0.0.5:4222 HOSTOPS_API__SERVER__HOST=0.0.0.0 HOSTOPS_API__SERVER__TLS__ENABLED=true hostops api server start");
        command.SetRunner(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        var loaded = context.LoadConfiguration();
        var settings = ApiTls.Use(loaded, FleetIdentities.UseApiIdentity(loaded, HostOpsSettings.BindAndValidate(loaded, StartingComponents.Api)));
        ConfigValidator.PortIsFree("api:server:port", settings.ApiServer.Host, settings.ApiServer.Port);
        ConfigValidator.Telemetry(loaded.Configuration, checkPort: true);
        await NatsProvisioning.EnsureIfReachableAsync(settings, context.Error, context.CancellationToken);

        await using var app = ApiHost.Create(loaded);
        await app.StartAsync(context.CancellationToken);
        await context.Output.WriteLineAsync($"API server is listening on {ApiHost.ClientUrl(settings)}; Ctrl-C stops it.");
        await app.WaitForShutdownAsync(context.CancellationToken);
        return CliApp.Ok;
    }
}
