using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;

namespace HostOps.Agent.Consuming;

/// <summary>
/// Tells the server a job is still being worked on (every third of <c>ack_wait</c>), so a long operation is not
/// redelivered meanwhile. A failed in-progress ack is logged and tried again on the next tick: it never ends the job.
/// </summary>
internal static partial class InProgressAcks
{
    public static async Task SendUntilCancelledAsync(
        INatsJSMsg<string> msg, TimeSpan ackWait, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var every = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, ackWait.Ticks / 3));
        using var timer = new PeriodicTimer(every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await msg.AckProgressAsync(cancellationToken: cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogInProgressAckFailed(logger, ex, msg.Subject);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "In-progress ack for {Subject} failed; trying again on the next tick")]
    private static partial void LogInProgressAckFailed(ILogger logger, Exception exception, string subject);
}
