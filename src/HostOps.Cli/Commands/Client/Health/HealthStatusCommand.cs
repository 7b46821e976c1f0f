using System.CommandLine;
using HostOps.Cli.Rendering;
using HostOps.Client;
using HostOps.Client.Http;
using HostOps.Contracts.Health;
using HostOps.Contracts.Json;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Health;

/// <summary><c>hostops client health status</c>: every component, streams, buckets and job counts (exit 1 when degraded).</summary>
internal static class HealthStatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Per-component health with NATS, stream, bucket and job figures (exit 1 when degraded)")
            .WithExamples("hostops client health status", "hostops client health status --json | jq .jobs");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            var response = await session.Api.SendAsync(ApiRequest.HealthStatus(), context.CancellationToken);
            if (session.Json)
            {
                await session.WriteRawAsync(response);
            }
            else
            {
                Render(session.Console, HostOpsApiClient.Read(response, HostOpsJsonContext.Default.HealthStatus));
            }

            return response.IsSuccess ? CliApp.Ok : CliApp.Failed;
        });
        return command;
    }

    public static void Render(IAnsiConsole console, HealthStatus status)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow(new Markup("[bold]Status[/]"), new Markup(CliConsole.Status(status.Status)));
        summary.AddRow(new Markup("[bold]Version[/]"), new Text(status.Version));
        summary.AddRow(new Markup("[bold]Uptime[/]"), new Text(status.Uptime));
        if (status.Nats is { } nats)
        {
            summary.AddRow(new Markup("[bold]NATS[/]"), new Text($"{nats.Url} (server {nats.Version})"));
        }

        console.Write(summary);
        console.WriteLine();

        var components = CliConsole.Table("Component", "Status", "Error");
        foreach (var (name, component) in status.Components.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            components.AddRow(new Text(name), new Markup(CliConsole.Status(component.Status)), new Text(component.Error ?? ""));
        }

        console.Write(components);

        if (status.Streams is { Count: > 0 } streams)
        {
            var table = CliConsole.Table("Stream", "Messages", "Bytes", "Consumers");
            foreach (var stream in streams)
            {
                table.Row(stream.Name, Units.Number((long)stream.Messages), Units.Bytes(stream.Bytes), Units.Number(stream.Consumers));
            }

            console.Write(table);
        }

        if (status.KvBuckets is { Count: > 0 } buckets)
        {
            var table = CliConsole.Table("KV bucket", "Keys", "Bytes");
            foreach (var bucket in buckets)
            {
                table.Row(bucket.Name, Units.Number((long)bucket.Keys), Units.Bytes(bucket.Bytes));
            }

            console.Write(table);
        }

        if (status.Jobs is { } jobs)
        {
            console.WriteLine(
                $"Jobs: {jobs.Total} total, {jobs.Unprocessed} unprocessed, {jobs.Processing} processing, "
                + $"{jobs.Completed} completed, {jobs.Failed} failed, {jobs.Dlq} dlq");
        }
    }
}
