using System.CommandLine;
using System.Diagnostics;
using HostOps.Client;
using HostOps.Client.Http;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Contracts.Text;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary>
/// <c>hostops client job run -f F</c>: submit, poll <c>GET /job/{id}</c> until the job ends, print it. Progress goes
/// to stderr so stdout stays the result (and with <c>--json</c>, exactly the final body).
/// </summary>
internal static class JobRunCommand
{
    private static readonly string[] Finished = ["completed", "failed", "partial_failure", "dlq"];

    // Most jobs end within milliseconds: poll fast at first, then back off so a long job costs the API little.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan SlowestPoll = TimeSpan.FromMilliseconds(500);

    public static Command Create()
    {
        var file = JobArguments.JsonFile();
        var timeout = new Option<string>("--timeout")
        {
            Description = "Give up waiting after this long (the job keeps going)",
            HelpName = "DURATION",
            DefaultValueFactory = _ => "60s",
        };
        var command = new Command("run", "Submit a job, show its progress and print the result when it ends (exit 1 unless completed)")
        {
            file,
            ClientOptions.Target,
            timeout,
        }.WithExamples(
            "echo '{\"operation\":{\"type\":\"system.hostname.get\"}}' > hostname.json",
            "hostops client job run -f hostname.json",
            "hostops client job run -f hostname.json --target _all --timeout 2m --json");
        command.SetRunner(async context =>
        {
            var limit = DurationText.TryParse(context.Parse.GetValue(timeout), out var span) && span > TimeSpan.Zero
                ? span
                : throw new UsageException($"--timeout: '{context.Parse.GetValue(timeout)}' is not a duration (like 30s, 2m)");
            var session = ClientSession.Open(context);
            var request = await JobArguments.ReadRequestAsync(context.Parse.GetValue(file)!, session.Target, Console.In, context.CancellationToken);
            return await RunAsync(session, request, limit);
        });
        return command;
    }

    private static async Task<int> RunAsync(ClientSession session, SubmitJobRequest request, TimeSpan limit)
    {
        var ct = session.CancellationToken;
        var progress = session.Context.Error;
        var submitted = HostOpsApiClient.Read(await session.Api.SendAsync(ApiRequest.SubmitJob(request), ct), HostOpsJsonContext.Default.SubmitJobResponse);
        var id = submitted.JobId;
        await progress.WriteLineAsync($"job {id} submitted ({request.Operation!.Type}, target {request.TargetHostname ?? "_any"})");

        var clock = Stopwatch.StartNew();
        var last = submitted.Status;
        var wait = FirstPoll;
        while (true)
        {
            await Task.Delay(wait, ct);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, SlowestPoll.Ticks));
            var response = await session.Api.SendAsync(ApiRequest.GetJob(id), ct);
            var job = HostOpsApiClient.Read(response, HostOpsJsonContext.Default.JobDetail);
            if (job.Status != last)
            {
                await progress.WriteLineAsync($"job {id}: {job.Status} after {DurationText.Format(clock.Elapsed)}");
                last = job.Status;
            }

            if (Finished.Contains(job.Status, StringComparer.Ordinal))
            {
                if (session.Json)
                {
                    await session.WriteRawAsync(response);
                }
                else
                {
                    JobView.Render(session.Console, job);
                }

                if (job.Status == "completed")
                {
                    return CliApp.Ok;
                }

                await progress.WriteLineAsync($"hostops: job {id} ended {job.Status}{(job.Error is { Length: > 0 } e ? ": " + e : "")}");
                return CliApp.Failed;
            }

            if (clock.Elapsed >= limit)
            {
                await progress.WriteLineAsync(
                    $"hostops: job {id} is still {job.Status} after {DurationText.Format(limit)}; follow it with: hostops client job get {id}");
                return CliApp.Failed;
            }
        }
    }
}
