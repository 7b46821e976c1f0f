using HostOps.Contracts.Jobs;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace HostOps.Jobs.DeadLetters;

/// <summary>
/// Writes and removes dead letters. A dead letter is our own message on <c>JOBS-DLQ</c> (subject
/// <c>jobs-dlq.&lt;id&gt;</c>) carrying id, operation, target, last error and attempts — not the server's advisory —
/// and the stream keeps it longer than the job bucket's TTL. A <c>dlq</c> event marks the job itself.
/// </summary>
public sealed class DeadLetterOffice
{
    private readonly JobBuckets _buckets;

    public DeadLetterOffice(JobBuckets buckets) => _buckets = buckets;

    // <prefix>.<job id>.<host token>: an agent's NATS permissions let it publish only dead letters of its own host.
    private string Subject(Guid id, string? hostname) =>
        $"{_buckets.Options.Dlq.SubjectPrefix}.{id:D}.{(hostname is null ? JobKeys.NoHost : HostToken.From(hostname))}";

    /// <summary>Publishes the dead letter and, when <paramref name="markJob"/>, appends the job's <c>dlq</c> event.</summary>
    public async Task AddAsync(DeadLetter letter, int attempt, bool markJob, CancellationToken cancellationToken)
    {
        var ack = await _buckets.JetStream.PublishAsync(
            Subject(letter.JobId, letter.Hostname), letter, JobSerializers.DeadLetter,
            opts: new NatsJSPubOpts { MsgId = $"dlq.{letter.JobId:D}.{attempt}" },
            cancellationToken: cancellationToken);
        ack.EnsureSuccess();
        if (!markJob)
        {
            return;
        }

        var store = await _buckets.JobsAsync(cancellationToken);
        await store.PutAsync(
            JobKeys.Event(letter.JobId, attempt, JobEventKind.Dlq, letter.Hostname),
            new JobEvent(JobEventKind.Dlq, attempt, letter.DeadLetteredAt, letter.Hostname, letter.Error),
            JobSerializers.Event,
            cancellationToken);
    }

    public async Task RemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        await _buckets.JetStream.PurgeStreamAsync(
            _buckets.Options.Dlq.Name, new StreamPurgeRequest { Filter = $"{_buckets.Options.Dlq.SubjectPrefix}.{id:D}.>" }, cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var stream = await _buckets.JetStream.GetStreamAsync(_buckets.Options.Dlq.Name, cancellationToken: cancellationToken);
        return (long)stream.Info.State.Messages;
    }
}
