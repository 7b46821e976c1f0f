using System.CommandLine;
using HostOps.Client.Http;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary><c>hostops client job delete ID</c>.</summary>
internal static class JobDeleteCommand
{
    public static Command Create()
    {
        var id = JobArguments.Id();
        var command = new Command("delete", "Delete a job with its events and responses (DELETE /job/{id})") { id }
            .WithExamples("hostops client job delete 0193f7a2-5b1c-7d4e-9f00-123456789abc");
        command.SetRunner(async context =>
        {
            var jobId = JobArguments.ParseId(context.Parse.GetValue(id)!);
            var session = ClientSession.Open(context);
            var response = await session.Api.SendAsync(ApiRequest.DeleteJob(jobId), context.CancellationToken);
            if (session.Json)
            {
                await session.WriteRawAsync(response);
            }
            else
            {
                await context.Output.WriteLineAsync($"Deleted job {jobId}");
            }

            return CliApp.Ok;
        });
        return command;
    }
}
