using System.CommandLine;
using HostOps.Cli.Rendering;
using HostOps.Client;
using HostOps.Client.Http;
using HostOps.Contracts.Json;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Health;

/// <summary><c>hostops client health [ready|status]</c>.</summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var health = new Command("health", "Is the API up? (GET /health; no token needed)")
        {
            Ready(),
            HealthStatusCommand.Create(),
        }.WithExamples("hostops client health", "hostops client health ready", "hostops client health status --json");
        health.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            await session.ShowAsync(ApiRequest.Health(), HostOpsJsonContext.Default.SimpleStatus, (console, s) =>
                console.MarkupLine(CliConsole.Status(s.Status)));
            return CliApp.Ok;
        });
        return health;
    }

    private static Command Ready()
    {
        var ready = new Command("ready", "Can the API serve? NATS connected and the job bucket answering (exit 1 when not)")
            .WithExamples("hostops client health ready");
        ready.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            var response = await session.Api.SendAsync(ApiRequest.Ready(), context.CancellationToken);
            if (session.Json)
            {
                await session.WriteRawAsync(response);
            }
            else
            {
                var status = HostOpsApiClient.Read(response, HostOpsJsonContext.Default.SimpleStatus);
                session.Console.MarkupLine(CliConsole.Status(status.Status) + (status.Error is { } e ? " " + Markup.Escape(e) : ""));
            }

            return response.IsSuccess ? CliApp.Ok : CliApp.Failed;
        });
        return ready;
    }
}
