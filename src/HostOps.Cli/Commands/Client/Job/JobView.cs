using System.Text.Json;
using HostOps.Cli.Rendering;
using HostOps.Contracts.Jobs;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary>One job in full: its fields, per-host states and responses, and the result as indented JSON.</summary>
internal static class JobView
{
    public static void Render(IAnsiConsole console, JobDetail job)
    {
        var grid = new Grid().AddColumn().AddColumn();
        Add(grid, "Job", job.Id.ToString());
        grid.AddRow(new Markup("[bold]Status[/]"), new Markup(CliConsole.Status(job.Status)));
        Add(grid, "Operation", job.Operation.Type);
        Add(grid, "Target", job.TargetHostname);
        Add(grid, "Worker", job.Hostname ?? "");
        Add(grid, "Created", Units.Time(job.Created));
        Add(grid, "Updated", Units.Time(job.UpdatedAt));
        Add(grid, "Attempts", job.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (job.Error is { Length: > 0 } error)
        {
            Add(grid, "Error", error);
        }

        if (job.TraceId is { Length: > 0 } traceId)
        {
            Add(grid, "Trace", traceId);
        }

        console.Write(grid);

        if (job.WorkerStates.Count > 0)
        {
            var states = CliConsole.Table("Host", "Status", "Duration", "Error");
            foreach (var (host, state) in job.WorkerStates.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                states.AddRow(new Text(host), new Markup(CliConsole.Status(state.Status)), new Text(state.Duration ?? ""), new Text(state.Error ?? ""));
            }

            console.Write(states);
        }

        if (job.Result is { } result)
        {
            console.WriteLine("Result:");
            console.WriteLine(Pretty(result));
        }
        else if (job.Responses.Count > 0)
        {
            foreach (var (host, response) in job.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                console.WriteLine($"Response from {host} ({response.Status}){(response.Error is { } e ? ": " + e : "")}");
                if (response.Data is { } data)
                {
                    console.WriteLine(Pretty(data));
                }
            }
        }
    }

    private static void Add(Grid grid, string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value));

    /// <summary>Indented through a writer: no serializer options, so nothing here needs reflection (native AOT).</summary>
    public static string Pretty(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
