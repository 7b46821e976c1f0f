using System.Text.Json;
using HostOps.Api.Configuration;
using HostOps.Contracts.Audit;
using HostOps.Contracts.Json;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace HostOps.Api.Audit;

/// <summary>
/// Reads the <c>AUDIT</c> stream oldest first through an ordered consumer that starts at the cursor, at
/// <c>since</c>, or at the oldest entry kept; a code filter is the consumer's subject filter, the others are
/// checked entry by entry. One page examines at most <see cref="ScanLimit"/> entries, so a filter that matches
/// rarely answers a short page with a cursor rather than reading the whole log.
/// </summary>
internal sealed class AuditLogReader(INatsConnection connection, IOptions<AuditOptions> options)
{
    public const int ScanLimit = 10_000;
    private const int FetchSize = 500;
    private readonly NatsJSContext _js = new((NatsConnection)connection);

    public async Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var last = await LastSequenceAsync(settings, cancellationToken);
        var start = query.After is { } after ? after + 1 : 0;
        if (last == 0 || start > last)
        {
            return new AuditPage([], null);
        }

        var consumer = await _js.CreateOrderedConsumerAsync(settings.Stream, ConsumerOptions(settings, query, start), cancellationToken);
        var items = new List<AuditEntry>();
        var scanned = 0;
        ulong position = start == 0 ? 0 : start - 1;
        while (scanned < ScanLimit && position < last)
        {
            var fetched = 0;
            await foreach (var msg in consumer.FetchNoWaitAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = FetchSize }, cancellationToken: cancellationToken))
            {
                fetched++;
                scanned++;
                position = msg.Metadata?.Sequence.Stream ?? position;
                if (Read(msg.Data) is not { } entry)
                {
                    continue;
                }

                if (query.Until is { } until && entry.Time > until)
                {
                    return new AuditPage(items, null);
                }

                if (query.Matches(entry))
                {
                    items.Add(entry);
                    if (items.Count == query.Limit)
                    {
                        return new AuditPage(items, position < last ? AuditCursor.Of(position) : null);
                    }
                }
            }

            if (fetched == 0)
            {
                return new AuditPage(items, null);
            }
        }

        return new AuditPage(items, position < last ? AuditCursor.Of(position) : null);
    }

    private static NatsJSOrderedConsumerOpts ConsumerOptions(AuditOptions settings, AuditQuery query, ulong start)
    {
        var filter = query.Code is { } code ? AuditStream.SubjectOf(settings, code) : AuditStream.AllSubjects(settings);
        var opts = new NatsJSOrderedConsumerOpts { FilterSubjects = [filter] };
        if (start > 0)
        {
            return opts with { DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartSequence, OptStartSeq = start };
        }

        return query.Since is { } since
            ? opts with { DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartTime, OptStartTime = since }
            : opts with { DeliverPolicy = ConsumerConfigDeliverPolicy.All };
    }

    // The stream's last sequence when the page starts: the page ends there, so a busy log cannot keep it reading.
    private async Task<ulong> LastSequenceAsync(AuditOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await _js.GetStreamAsync(settings.Stream, cancellationToken: cancellationToken);
            return stream.Info.State.LastSeq;
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 404)
        {
            return 0; // nothing audited yet: the writer creates the stream with its first entry
        }
    }

    private static AuditEntry? Read(byte[]? data)
    {
        try
        {
            return data is { Length: > 0 } ? JsonSerializer.Deserialize(data, HostOpsJsonContext.Default.AuditEntry) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
