using System.CommandLine;
using HostOps.Cli.Rendering;
using HostOps.Client;
using HostOps.Client.Http;
using HostOps.Contracts.Health;
using HostOps.Contracts.Json;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Health;

/// <summary>
/// <c>hostops client health status</c>: every component, streams, buckets and job counts (exit 1 when degraded); with
/// clustered NATS also each server up or down and each stream's and bucket's leader and replicas.
/// </summary>
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
            if (nats.Cluster is { } cluster)
            {
                summary.AddRow(new Markup("[bold]Cluster[/]"), new Markup(ClusterServers(cluster)));
            }
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
            var clustered = streams.Any(s => s.Cluster is not null);
            var table = CliConsole.Table(PlacementHeaders(clustered, "Stream", "Messages", "Bytes", "Consumers"));
            foreach (var stream in streams)
            {
                table.Row(PlacementCells(clustered, stream.Cluster, stream.Name, Units.Number((long)stream.Messages), Units.Bytes(stream.Bytes), Units.Number(stream.Consumers)));
            }

            console.Write(table);
        }

        if (status.KvBuckets is { Count: > 0 } buckets)
        {
            var clustered = buckets.Any(b => b.Cluster is not null);
            var table = CliConsole.Table(PlacementHeaders(clustered, "KV bucket", "Keys", "Bytes"));
            foreach (var bucket in buckets)
            {
                table.Row(PlacementCells(clustered, bucket.Cluster, bucket.Name, Units.Number((long)bucket.Keys), Units.Bytes(bucket.Bytes)));
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

    // "hostops-prod: n1 up, n2 down, n3 up", coloured.
    private static string ClusterServers(NatsCluster cluster) =>
        $"{Markup.Escape(cluster.Name)}: "
        + string.Join(", ", cluster.Servers.Select(s => $"{Markup.Escape(s.Name)} {(s.Up ? "[green]up[/]" : "[red]down[/]")}"));

    // A clustered table gets two more columns: the leader, and the replicas with those not current marked.
    private static string[] PlacementHeaders(bool clustered, params string[] headers) => clustered ? [.. headers, "Leader", "Replicas"] : headers;

    private static string?[] PlacementCells(bool clustered, StreamCluster? placement, params string[] cells) =>
        !clustered ? cells
        : placement is null ? [.. cells, "", ""]
        : [.. cells, placement.Leader.Length > 0 ? placement.Leader : "none", string.Join(", ", placement.Replicas.Select(r => r.Current ? r.Name : $"{r.Name} (not current)"))];
}
