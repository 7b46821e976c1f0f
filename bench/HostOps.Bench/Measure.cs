using System.Diagnostics;

namespace HostOps.Bench;

internal static class Measure
{
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>
    /// Runs <paramref name="round"/> until the runtime has stopped compiling (fewer than 20 methods compiled during a
    /// round), for at most <paramref name="limit"/>. Tiered compilation keeps re-compiling hot code for 15–20 s on two
    /// shared cores, on a background thread that competes with the workload; a long-running API and agent are past
    /// that, so a measurement must be too.
    /// </summary>
    public static async Task WarmUpAsync(Func<Task> round, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await round();
        }
        while (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled >= 20 && clock.Elapsed < limit);
    }

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
    /// Runs each of <paramref name="runs"/> <paramref name="rounds"/> times, in the order A B C, C B A, A B C, … so
    /// that a change of load on the shared machine falls on all alike; each one's results in measurement order.
    /// </summary>
    public static async Task<List<List<T>>> AlternatingAsync<T>(int rounds, IReadOnlyList<Func<Task<T>>> runs)
    {
        var results = runs.Select(_ => new List<T>(rounds)).ToList();
        for (var round = 0; round < rounds; round++)
        {
            var order = Enumerable.Range(0, runs.Count);
            foreach (var i in round % 2 == 0 ? order : order.Reverse())
            {
                results[i].Add(await runs[i]());
            }
        }

        return results;
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
