using HostOps.Api.Configuration;
using HostOps.Contracts.Audit;
using HostOps.Contracts.Json;
using HostOps.Jobs.Configuration;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace HostOps.Api.Audit;

/// <summary>
/// Writes queued audit entries to the <c>AUDIT</c> stream off the request path: whatever is queued is published at
/// once (up to 256 pipelined publishes) and each batch waits for its acknowledgements. When NATS cannot take a
/// batch, the batch is kept and tried again with back-off, the stream re-created if it is missing; entries that
/// arrive meanwhile wait in the bounded queue. On shutdown what is queued is written within a few seconds.
/// </summary>
internal sealed partial class AuditWriter(
    AuditRecorder recorder, INatsConnection connection, IOptions<AuditOptions> options, IOptions<JobOptions> jobs, ILogger<AuditWriter> logger)
    : BackgroundService
{
    private const int Batch = 256;
    private static readonly NatsJsonContextSerializer<AuditEntry> Serializer = new(HostOpsJsonContext.Default);
    private readonly NatsJSContext _js = new((NatsConnection)connection);
    private long _reportedDrops;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!recorder.Enabled)
        {
            return;
        }

        var batch = new List<AuditEntry>(Batch);
        var reader = recorder.Entries;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < Batch && reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }

                await WriteUntilStoredAsync(batch, stoppingToken);
                batch.Clear();
                ReportDrops();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await DrainAsync(batch);
        }
    }

    private async Task DrainAsync(List<AuditEntry> batch)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (recorder.Entries.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        try
        {
            await WriteAsync(batch, deadline.Token);
        }
        catch (Exception ex)
        {
            LogNotWrittenAtStop(logger, ex, batch.Count);
        }
    }

    private async Task WriteUntilStoredAsync(List<AuditEntry> batch, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await WriteAsync(batch, stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWriteFailed(logger, ex, batch.Count, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                await TryEnsureStreamAsync(stoppingToken);
            }
        }
    }

    private async Task WriteAsync(List<AuditEntry> batch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var acks = new Task<PubAckResponse>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            acks[i] = _js.PublishAsync(AuditStream.SubjectOf(settings, batch[i].Code), batch[i], Serializer, cancellationToken: cancellationToken).AsTask();
        }

        // Entries already stored are not written twice on the retry: they leave the batch as they are acknowledged.
        var unstored = new List<AuditEntry>();
        Exception? failure = null;
        for (var i = 0; i < acks.Length; i++)
        {
            try
            {
                (await acks[i]).EnsureSuccess();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failure ??= ex;
                unstored.Add(batch[i]);
            }
        }

        batch.Clear();
        batch.AddRange(unstored);
        if (failure is not null)
        {
            throw failure;
        }
    }

    private async Task TryEnsureStreamAsync(CancellationToken cancellationToken)
    {
        try
        {
            await AuditStream.EnsureAsync(_js, options.Value, jobs.Value.Stream.Replicas, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEnsureFailed(logger, ex.Message);
        }
    }

    private void ReportDrops()
    {
        var dropped = recorder.Dropped;
        if (dropped != _reportedDrops)
        {
            LogDropped(logger, dropped - _reportedDrops, dropped);
            _reportedDrops = dropped;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} audit entries failed; trying again in {Delay}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit stream could not be created: {Reason}")]
    private static partial void LogEnsureFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit entries were dropped because the queue (api.audit.queue) was full ({Total} since start)")]
    private static partial void LogDropped(ILogger logger, long count, long total);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit entries were not written before the API stopped")]
    private static partial void LogNotWrittenAtStop(ILogger logger, Exception exception, int count);
}
