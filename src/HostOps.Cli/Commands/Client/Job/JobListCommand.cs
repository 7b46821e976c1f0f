using System.CommandLine;
using HostOps.Cli.Rendering;
using HostOps.Client.Http;
using HostOps.Contracts.Json;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary>
/// <c>hostops client job list [--status S] [--operation TYPE] [--target T] [--limit N] [--offset N] [--cursor C]</c>:
/// one page, and when more follow, the command line of the next page.
/// </summary>
internal static class JobListCommand
{
    public static Command Create()
    {
        var status = new Option<string?>("--status", "-s") { Description = "Only jobs in this status", HelpName = "STATUS" };
        status.AcceptOnlyFromAmong("unprocessed", "processing", "completed", "failed", "partial_failure", "dlq");
        var limit = ClientOptions.Number("--limit", "-n", "At most this many jobs (newest first)");
        var offset = ClientOptions.Number("--offset", "", "Skip this many of the newest jobs (at most 10000; page further with --cursor)");
        var cursor = new Option<string?>("--cursor") { Description = "Continue after the page that printed this cursor", HelpName = "CURSOR" };
        var operation = new Option<string?>("--operation") { Description = "Only jobs of this operation type (e.g. package.install.do)", HelpName = "TYPE" };
        var target = new Option<string?>("--target", "-t") { Description = "Only jobs sent to this target, as submitted: _any, _all, a hostname or key:value", HelpName = "TARGET" };
        var command = new Command("list", "List jobs, newest first (GET /job)") { status, operation, target, limit, offset, cursor }
            .WithExamples(
                "hostops client job list",
                "hostops client job list --status failed --limit 20",
                "hostops client job list --operation package.install.do --target web-01",
                "hostops client job list --cursor AQAI3Q…");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            var (statusValue, limitValue) = (context.Parse.GetValue(status), context.Parse.GetValue(limit));
            var (operationValue, targetValue) = (context.Parse.GetValue(operation), context.Parse.GetValue(target));
            var request = ApiRequest.ListJobs(statusValue, limitValue, context.Parse.GetValue(offset), context.Parse.GetValue(cursor), operationValue, targetValue);
            await session.ShowAsync(request, HostOpsJsonContext.Default.JobList, (console, list) =>
            {
                var table = CliConsole.Table("Job", "Status", "Operation", "Target", "Created", "Updated");
                foreach (var job in list.Items)
                {
                    table.AddRow(
                        new Text(job.Id.ToString()),
                        new Markup(CliConsole.Status(job.Status)),
                        new Text(job.Operation.Type),
                        new Text(job.TargetHostname),
                        new Text(Units.Time(job.Created)),
                        new Text(Units.Time(job.UpdatedAt)));
                }

                console.Write(table);
                console.WriteLine($"{list.Items.Count} of {list.TotalItems} jobs");
                if (list.Next is { } next)
                {
                    console.WriteLine($"Next page: {NextCommand(statusValue, operationValue, targetValue, limitValue, next)}");
                }
            });
            return CliApp.Ok;
        });
        return command;
    }

    private static string NextCommand(string? status, string? operation, string? target, int? limit, string next)
    {
        var line = new System.Text.StringBuilder("hostops client job list");
        foreach (var (name, value) in new[] { ("--status", status), ("--operation", operation), ("--target", target) })
        {
            if (value is not null)
            {
                line.Append(' ').Append(name).Append(' ').Append(value);
            }
        }

        if (limit is { } n)
        {
            line.Append(" --limit ").Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return line.Append(" --cursor ").Append(next).ToString();
    }
}
