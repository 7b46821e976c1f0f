using System.Diagnostics;
using System.Text.Json;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;
using HostOps.Jobs.Telemetry;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace HostOps.Jobs.Client;

public sealed partial class JobClient
{
    /// <summary>
    /// Stores the definition (its write is the <c>submitted</c> event) and publishes the notification with the
    /// job's message id. The data stored is the operation's prepared input (<see cref="OperationInput.Prepare"/>). Throws <see cref="JobRequestException"/> naming the bad field.
    /// </summary>
    public async Task<SubmitJobResponse> SubmitAsync(JobOperation operation, string? targetHostname, CancellationToken cancellationToken)
    {
        OperationInput.Validate(operation);
        operation = OperationInput.Prepare(operation);
        using var span = HostOpsTelemetry.Source.StartActivity("job.submit", ActivityKind.Producer);
        span?.SetTag("hostops.operation", operation.Type);
        var target = JobTarget.TryParse(targetHostname, out var error) ?? throw new JobRequestException("target_hostname", error!);
        var expected = target.IsBroadcast ? await ExpectedHostsAsync(target, cancellationToken) : null;
        var now = _time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var subject = JobSubjects.For(_buckets.Options.Stream.SubjectPrefix, operation.Type, target, id);
        var key = JobKeys.Definition(id, JobSubjects.Route(target));
        span?.SetTag("hostops.job_id", id.ToString("D"));
        var definition = new JobDefinition(id, operation, target.Text, subject, now, expected, span?.TraceId.ToHexString());

        var value = JsonSerializer.SerializeToUtf8Bytes(definition, HostOpsJsonContext.Default.JobDefinition);
        await _jobsRoom.TakeAsync(BucketRoom.RecordBytes($"$KV.{_buckets.Options.Kv.Bucket}.{key}", value.Length), cancellationToken);
        var store = await _buckets.JobsAsync(cancellationToken);
        var revision = await store.CreateAsync(key, value, NatsRawSerializer<byte[]>.Default, cancellationToken);
        Wrote(revision);
        try
        {
            await JobPublisher.PublishAsync(_buckets.JetStream, subject, new JobNotification(id, 1), cancellationToken);
        }
        catch (NatsJSApiException)
        {
            // The server refused the notification (a full stream): the caller is told no, so the job must not run
            // later. Any other failure leaves the stored job to the sweep, which publishes it after ack_wait.
            await store.DeleteAsync(key, cancellationToken: CancellationToken.None);
            throw;
        }

        _metrics.Submitted(operation.Type);
        return new SubmitJobResponse(id, JobStatus.Unprocessed, revision, now);
    }

    // A broadcast is expected from the live agents the route reaches now; with none it would wait forever.
    private async Task<IReadOnlyList<string>> ExpectedHostsAsync(JobTarget target, CancellationToken cancellationToken)
    {
        var live = await _agents.LiveAsync(cancellationToken);
        var hosts = live.Where(a => target.Matches(a.Hostname, a.Labels)).Select(a => a.Hostname).ToList();
        return hosts.Count > 0
            ? hosts
            : throw new JobRequestException("target_hostname", $"no live agent matches target '{target.Text}'");
    }
}
