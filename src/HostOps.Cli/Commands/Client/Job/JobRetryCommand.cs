using System.CommandLine;
using HostOps.Client.Http;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary><c>hostops client job retry ID</c>.</summary>
internal static class JobRetryCommand
{
    public static Command Create()
    {
        var id = JobArguments.Id();
        var command = new Command("retry", "Re-queue a failed or dead-lettered job as a new attempt (POST /job/{id}/retry)") { id }
            .WithExamples("hostops client job retry 0193f7a2-5b1c-7d4e-9f00-123456789abc");
        command.SetRunner(async context =>
        {
            var jobId = JobArguments.ParseId(context.Parse.GetValue(id)!);
            var session = ClientSession.Open(context);
            var response = await session.Api.SendAsync(ApiRequest.RetryJob(jobId), context.CancellationToken);
            if (session.Json)
            {
                await session.WriteRawAsync(response);
            }
            else
            {
                await context.Output.WriteLineAsync($"Re-queued job {jobId}; follow it with: hostops client job get {jobId}");
            }

            return CliApp.Ok;
        });
        return command;
    }
}
