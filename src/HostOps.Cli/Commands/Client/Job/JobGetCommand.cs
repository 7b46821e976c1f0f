using System.CommandLine;
using HostOps.Client.Http;
using HostOps.Contracts.Json;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary><c>hostops client job get ID</c>.</summary>
internal static class JobGetCommand
{
    public static Command Create()
    {
        var id = JobArguments.Id();
        var command = new Command("get", "Show one job: status, per-host states, result (GET /job/{id})") { id }
            .WithExamples("hostops client job get 0193f7a2-5b1c-7d4e-9f00-123456789abc");
        command.SetRunner(async context =>
        {
            var jobId = JobArguments.ParseId(context.Parse.GetValue(id)!);
            var session = ClientSession.Open(context);
            await session.ShowAsync(ApiRequest.GetJob(jobId), HostOpsJsonContext.Default.JobDetail, JobView.Render);
            return CliApp.Ok;
        });
        return command;
    }
}
