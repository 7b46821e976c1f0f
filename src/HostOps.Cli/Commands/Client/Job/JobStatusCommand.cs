using System.CommandLine;
using HostOps.Cli.Rendering;
using HostOps.Client.Http;
using HostOps.Contracts.Json;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary><c>hostops client job status</c>: queue totals by status and operation.</summary>
internal static class JobStatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Job counts by status and by operation, and the dead-letter count (GET /job/status)")
            .WithExamples("hostops client job status");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            await session.ShowAsync(ApiRequest.QueueStatus(), HostOpsJsonContext.Default.QueueStats, (console, stats) =>
            {
                console.WriteLine($"Jobs: {stats.TotalJobs} total, {stats.DlqCount} in the dead-letter queue");
                var statuses = CliConsole.Table("Status", "Jobs");
                foreach (var (status, count) in stats.StatusCounts.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    statuses.Row(status, Units.Number(count));
                }

                console.Write(statuses);
                var operations = CliConsole.Table("Operation", "Jobs");
                foreach (var (operation, count) in stats.OperationCounts.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    operations.Row(operation, Units.Number(count));
                }

                console.Write(operations);
            });
            return CliApp.Ok;
        });
        return command;
    }
}
