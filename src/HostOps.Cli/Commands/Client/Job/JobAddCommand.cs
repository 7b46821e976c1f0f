using System.CommandLine;
using HostOps.Cli.Rendering;
using HostOps.Client.Http;
using HostOps.Contracts.Json;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary><c>hostops client job add --json-file F [--target T]</c>: submit and return at once.</summary>
internal static class JobAddCommand
{
    public static Command Create()
    {
        var file = JobArguments.JsonFile();
        var command = new Command("add", "Submit a job and print its id without waiting (POST /job)")
        {
            file,
            ClientOptions.Target,
        }.WithExamples(
            "echo '{\"operation\":{\"type\":\"system.hostname.get\"}}' > hostname.json",
            "hostops client job add -f hostname.json --target _all",
            "echo '{\"type\":\"system.uptime.get\"}' | hostops client job add -f -");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            var request = await JobArguments.ReadRequestAsync(context.Parse.GetValue(file)!, session.Target, Console.In, context.CancellationToken);
            await session.ShowAsync(ApiRequest.SubmitJob(request), HostOpsJsonContext.Default.SubmitJobResponse, (console, submitted) =>
            {
                var table = CliConsole.Table("Job", "Status", "Revision", "Submitted");
                table.Row(submitted.JobId.ToString(), submitted.Status, submitted.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), Units.Time(submitted.Timestamp));
                console.Write(table);
            });
            return CliApp.Ok;
        });
        return command;
    }
}
