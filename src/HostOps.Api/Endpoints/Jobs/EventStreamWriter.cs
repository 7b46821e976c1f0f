using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Jobs.Events;
using Microsoft.AspNetCore.Http.Features;

namespace HostOps.Api.Endpoints.Jobs;

/// <summary>
/// Writes one subscription as <c>text/event-stream</c>: each change as <c>id:</c>, <c>event:</c> (its kind) and
/// <c>data:</c> (one line of JSON), a comment line every heartbeat while idle. Everything already queued is written
/// before one flush. It ends when the client goes, the server stops (a clean end of the response), a one-job stream's
/// job ends, or the client falls too far behind (then the connection is aborted, freeing what it held).
/// </summary>
internal static class EventStreamWriter
{
    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();
    private static readonly SearchValues<char> EventNameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz_");

    public static async Task WriteAsync(HttpContext http, JobEventSubscription subscription, TimeSpan heartbeat, CancellationToken stopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping, subscription.Dropped);
        var ct = stop.Token;
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var writer = response.BodyWriter;
        using var json = new Utf8JsonWriter(writer);
        try
        {
            await response.StartAsync(ct);
            writer.Write(": connected\n\n"u8);
            var pending = 0;
            await foreach (var change in subscription.ReplayAsync(ct))
            {
                Write(writer, json, change);
                if (++pending % 256 == 0)
                {
                    await writer.FlushAsync(ct);
                }
            }

            await writer.FlushAsync(ct);
            await LiveAsync(writer, json, subscription, heartbeat, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (JobEventsDroppedException)
        {
        }

        if (subscription.Dropped.IsCancellationRequested)
        {
            http.Abort();
        }
    }

    private static async Task LiveAsync(PipeWriter writer, Utf8JsonWriter json, JobEventSubscription subscription, TimeSpan heartbeat, CancellationToken ct)
    {
        Task<bool>? waiting = null;
        while (!subscription.Ended)
        {
            var wrote = false;
            while (!subscription.Ended && subscription.TryRead(out var change))
            {
                Write(writer, json, change);
                wrote = true;
            }

            if (wrote)
            {
                await writer.FlushAsync(ct);
                continue;
            }

            if (subscription.Ended)
            {
                break;
            }

            waiting ??= subscription.WaitToReadAsync(ct).AsTask();
            try
            {
                if (!await waiting.WaitAsync(heartbeat, ct))
                {
                    return;
                }

                waiting = null;
            }
            catch (TimeoutException)
            {
                writer.Write(Heartbeat);
                await writer.FlushAsync(ct);
            }
        }
    }

    private static void Write(PipeWriter writer, Utf8JsonWriter json, JobChangeEvent change)
    {
        writer.Write("id: "u8);
        WriteAscii(writer, change.Id.ToString(CultureInfo.InvariantCulture));
        writer.Write("\nevent: "u8);
        WriteAscii(writer, IsEventName(change.Kind) ? change.Kind : "change");
        writer.Write("\ndata: "u8);
        json.Reset(writer);
        JsonSerializer.Serialize(json, change, HostOpsJsonContext.Default.JobChangeEvent);
        json.Flush();
        writer.Write("\n\n"u8);
    }

    private static void WriteAscii(PipeWriter writer, string text)
    {
        var span = writer.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        writer.Advance(written);
    }

    // The kind is the name of the SSE event: one line, plain lower-case letters and underscores.
    private static bool IsEventName(string kind) => kind.Length is > 0 and <= 32 && kind.AsSpan().IndexOfAnyExcept(EventNameChars) < 0;
}
