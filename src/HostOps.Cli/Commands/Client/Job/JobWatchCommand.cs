using System.CommandLine;
using System.Text.Json;
using HostOps.Cli.Rendering;
using HostOps.Client.Events;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary>
/// <c>hostops client job watch [ID]</c>: job changes as they happen (<c>GET /job/events</c>), one line each, or one job
/// until it ends (<c>GET /job/{id}/events</c>). With <c>--json</c> each change is one line of JSON (NDJSON).
/// </summary>
internal static class JobWatchCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "Only this job, from its submission until it ends", Arity = ArgumentArity.ZeroOrOne };
        var status = new Option<string?>("--status", "-s") { Description = "Only changes that leave a job in this status", HelpName = "STATUS" };
        status.AcceptOnlyFromAmong([.. JobStatus.All]);
        var operation = new Option<string?>("--operation") { Description = "Only jobs of this operation type", HelpName = "TYPE" };
        var after = new Option<string?>("--after") { Description = "Resume after this event id (as printed, or the id of the last NDJSON line)", HelpName = "EVENT_ID" };
        var command = new Command("watch", "Show job changes live, or one job's until it ends (GET /job/events, GET /job/{id}/events)")
        {
            id,
            status,
            operation,
            after,
            ClientOptions.Target,
        }.WithExamples(
            "hostops client job watch",
            "hostops client job watch --status failed --operation service.restart.do",
            "hostops client job watch 0193f7a2-5b1c-7d4e-9f00-123456789abc --json");
        command.SetRunner(async context =>
        {
            var jobId = context.Parse.GetValue(id) is { } text ? JobArguments.ParseId(text) : (Guid?)null;
            var afterText = context.Parse.GetValue(after);
            ulong? lastEventId = afterText is null ? null
                : ulong.TryParse(afterText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
                : throw new UsageException($"--after: '{afterText}' is not an event id (a whole number)");
            if (jobId is not null && (context.Parse.GetValue(status) ?? context.Parse.GetValue(operation) ?? context.Parse.GetValue(ClientOptions.Target)) is not null)
            {
                throw new UsageException("--status, --operation and --target filter all jobs' changes; a job id follows that one job");
            }

            var session = ClientSession.Open(context);
            var changes = jobId is { } one
                ? session.Api.WatchJobAsync(one, lastEventId, session.CancellationToken)
                : session.Api.WatchJobEventsAsync(
                    new JobEventQuery(context.Parse.GetValue(status), context.Parse.GetValue(operation), session.Target, lastEventId), session.CancellationToken);
            try
            {
                await foreach (var change in changes)
                {
                    await context.Output.WriteLineAsync(session.Json ? JsonSerializer.Serialize(change, HostOpsJsonContext.Default.JobChangeEvent) : Line(change));
                }
            }
            catch (OperationCanceledException) when (session.CancellationToken.IsCancellationRequested)
            {
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary><c>2026-11-30 10:00:00Z  #42  0193…  completed  completed  attempt 1  web1  system.hostname.get → _any</c>.</summary>
    public static string Line(JobChangeEvent change) =>
        $"{Units.Time(change.Time)}  #{change.Id}  {change.JobId}  {change.Kind,-9}  {change.Status,-15}  attempt {change.Attempt}  "
        + $"{change.Hostname ?? "-"}  {change.OperationType} → {change.TargetHostname}";
}
