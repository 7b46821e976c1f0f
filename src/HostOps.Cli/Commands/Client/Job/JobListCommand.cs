using System.CommandLine;
using HostOps.Cli.Rendering;
using HostOps.Client.Http;
using HostOps.Contracts.Json;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary><c>hostops client job list [--status S] [--limit N] [--offset N]</c>.</summary>
internal static class JobListCommand
{
    public static Command Create()
    {
        var status = new Option<string?>("--status", "-s") { Description = "Only jobs in this status", HelpName = "STATUS" };
        status.AcceptOnlyFromAmong("unprocessed", "processing", "completed", "failed", "partial_failure", "dlq");
        var limit = ClientOptions.Number("--limit", "-n", "At most this many jobs (newest first)");
        var offset = ClientOptions.Number("--offset", "", "Skip this many of the newest jobs");
        var command = new Command("list", "List jobs, newest first (GET /job)") { status, limit, offset }
            .WithExamples("hostops client job list", "hostops client job list --status failed --limit 20");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            var request = ApiRequest.ListJobs(context.Parse.GetValue(status), context.Parse.GetValue(limit), context.Parse.GetValue(offset));
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
            });
            return CliApp.Ok;
        });
        return command;
    }
}
