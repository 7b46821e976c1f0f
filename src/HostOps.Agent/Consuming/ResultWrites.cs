using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;

namespace HostOps.Agent.Consuming;

/// <summary>
/// Writes an attempt's outcome until it is stored: the operation has run and must not be lost or run again, so a
/// failed write (NATS restarting, a timeout) is retried with back-off (up to 5 s apart, for at most 10 minutes)
/// instead of failing the job. Until the outcome is stored, the notification stays unacked.
/// </summary>
internal static partial class ResultWrites
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    public static async Task PersistAsync(INatsJSMsg<string> msg, ILogger logger, Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            try
            {
                await write(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && DateTime.UtcNow < deadline)
            {
                LogWriteFailed(logger, ex, msg.Subject, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing the outcome of {Subject} failed; trying again in {Delay}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string subject, TimeSpan delay);
}
