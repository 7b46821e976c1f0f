using System.Diagnostics;

namespace HostOps.Bench;

internal static class Measure
{
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Runs <paramref name="count"/> operations with at most <paramref name="concurrency"/> in flight; returns ops/s.</summary>
    public static async Task<double> ThroughputAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await operation(i);
            }
        }));
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Measures <paramref name="a"/> and <paramref name="b"/> <paramref name="rounds"/> times each, in the order
    /// A B, B A, A B, … so that a change of load on the shared machine falls on both alike; each one's figures in
    /// measurement order.
    /// </summary>
    public static async Task<(List<double> A, List<double> B)> AlternatingAsync(int rounds, Func<Task<double>> a, Func<Task<double>> b)
    {
        var (first, second) = (new List<double>(rounds), new List<double>(rounds));
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                first.Add(await a());
                second.Add(await b());
            }
            else
            {
                second.Add(await b());
                first.Add(await a());
            }
        }

        return (first, second);
    }

    /// <summary>Latencies in ms of <paramref name="count"/> sequential calls, sorted.</summary>
    public static async Task<List<double>> LatenciesAsync(int count, Func<Task> call)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        latencies.Sort();
        return latencies;
    }
}
