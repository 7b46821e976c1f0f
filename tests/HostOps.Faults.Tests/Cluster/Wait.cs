using System.Diagnostics;
using Xunit.Sdk;

namespace HostOps.Faults.Tests.Cluster;

/// <summary>Polls a condition until it holds or a deadline passes; never a fixed sleep.</summary>
public static class Wait
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Returns how long it took for <paramref name="condition"/> to hold. An exception from the condition counts as
    /// "not yet" (a server that is restarting); at the deadline the test fails with <paramref name="failure"/> and the last exception.
    /// </summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure)
    {
        var (took, last) = await PollAsync(condition, timeout);
        if (took is null)
        {
            var reason = last is null ? "" : $" (last error: {last.GetType().Name}: {last.Message})";
            throw new XunitException($"not within {timeout.TotalSeconds:0.#} s{reason}: {failure()}");
        }

        return took.Value;
    }

    /// <summary>As <see cref="UntilAsync"/>, but null at the deadline: the caller reports what is missing itself.</summary>
    public static async Task<TimeSpan?> TryUntilAsync(Func<Task<bool>> condition, TimeSpan timeout) =>
        (await PollAsync(condition, timeout)).Took;

    private static async Task<(TimeSpan? Took, Exception? Last)> PollAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return (clock.Elapsed, null);
                }

                last = null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException
                or System.Text.Json.JsonException or NATS.Client.Core.NatsException)
            {
                last = e;
            }

            if (clock.Elapsed > timeout)
            {
                return (null, last);
            }

            await Task.Delay(Interval);
        }
    }
}
