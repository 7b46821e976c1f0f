using HostOps.Jobs.Telemetry;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace HostOps.Jobs.Store;

/// <summary>
/// Publishes job notifications with a JetStream acknowledgement; a traced publish carries the current span in a W3C
/// <c>traceparent</c> header, which the agent's <c>job.run</c> span continues.
/// </summary>
public static class JobPublisher
{
    public static async Task PublishAsync(INatsJSContext js, string subject, JobNotification notification, CancellationToken cancellationToken)
    {
        var ack = await js.PublishAsync(
            subject,
            notification.ToString(),
            opts: new NatsJSPubOpts { MsgId = notification.MessageId },
            headers: HostOpsTelemetry.CurrentTraceParent() is { } traceParent ? new NatsHeaders { [HostOpsTelemetry.TraceParentHeader] = traceParent } : null,
            cancellationToken: cancellationToken);
        ack.EnsureSuccess();
    }
}
