using NATS.Client.JetStream;

namespace HostOps.Jobs.Store;

/// <summary>Publishes job notifications and dead letters with a JetStream acknowledgement.</summary>
public static class JobPublisher
{
    public static async Task PublishAsync(INatsJSContext js, string subject, JobNotification notification, CancellationToken cancellationToken)
    {
        var ack = await js.PublishAsync(
            subject,
            notification.ToString(),
            opts: new NatsJSPubOpts { MsgId = notification.MessageId },
            cancellationToken: cancellationToken);
        ack.EnsureSuccess();
    }
}
