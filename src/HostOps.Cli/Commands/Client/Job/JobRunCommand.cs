using System.CommandLine;
using System.Diagnostics;
using HostOps.Client;
using HostOps.Client.Errors;
using HostOps.Client.Http;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Contracts.Text;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary>
/// <c>hostops client job run -f F</c>: submit, follow the job's event stream (<c>GET /job/{id}/events</c>) until it
/// ends — or poll <c>GET /job/{id}</c> when the stream cannot be had — and print it. Progress goes to stderr so stdout
/// stays the result (and with <c>--json</c>, exactly the final body).
/// </summary>
internal static class JobRunCommand
{
    private static readonly string[] Finished = ["completed", "failed", "partial_failure", "dlq"];

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

        var wait = new Wait(session, id, submitted.Status, Stopwatch.StartNew(), limit);
        var ended = await wait.FollowEventsAsync() ?? await wait.PollAsync();
        if (ended is not { } final)
        {
            await progress.WriteLineAsync(
                $"hostops: job {id} is still {wait.Last} after {DurationText.Format(limit)}; follow it with: hostops client job get {id}");
            return CliApp.Failed;
        }

        var (job, response) = final;
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

    /// <summary>Waiting for one job: on its event stream, or by polling when the stream cannot be had.</summary>
    private sealed class Wait(ClientSession session, Guid id, string status, Stopwatch clock, TimeSpan limit)
    {
        public string Last { get; private set; } = status;

        /// <summary>
        /// The job once its stream (<c>GET /job/{id}/events</c>) ended; null when the stream failed or stopped early
        /// (the caller polls for the rest of the time), or the time ran out (polling then ends at once).
        /// </summary>
        public async Task<(JobDetail, ApiResponse)?> FollowEventsAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(session.CancellationToken);
            timeout.CancelAfter(limit);
            try
            {
                var ended = false;
                await foreach (var change in session.Api.WatchJobAsync(id, cancellationToken: timeout.Token))
                {
                    await ShowAsync(change.Status);
                    ended = change.EndsJob;
                }

                return ended ? await ReadAsync() : null;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !session.CancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception e) when (e is HostOpsApiException or HostOpsConnectionException or IOException or HttpRequestException)
            {
                await session.Context.Error.WriteLineAsync($"job {id}: no event stream ({e.Message}); polling");
                return null;
            }
        }

        // Most jobs end within milliseconds: poll fast at first, then back off so a long job costs the API little.
        public async Task<(JobDetail, ApiResponse)?> PollAsync()
        {
            var wait = FirstPoll;
            while (clock.Elapsed < limit)
            {
                var (job, response) = await ReadAsync();
                await ShowAsync(job.Status);
                if (Finished.Contains(job.Status, StringComparer.Ordinal))
                {
                    return (job, response);
                }

                await Task.Delay(wait, session.CancellationToken);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, SlowestPoll.Ticks));
            }

            return null;
        }

        private async Task<(JobDetail, ApiResponse)> ReadAsync()
        {
            var response = await session.Api.SendAsync(ApiRequest.GetJob(id), session.CancellationToken);
            return (HostOpsApiClient.Read(response, HostOpsJsonContext.Default.JobDetail), response);
        }

        private async Task ShowAsync(string status)
        {
            if (status != Last)
            {
                await session.Context.Error.WriteLineAsync($"job {id}: {status} after {DurationText.Format(clock.Elapsed)}");
                Last = status;
            }
        }
    }
}
