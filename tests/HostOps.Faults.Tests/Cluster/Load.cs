using System.Diagnostics;

namespace HostOps.Faults.Tests.Cluster;

/// <summary>Submits <c>test.record.do</c> jobs at a steady pace with a bounded number of requests in flight.</summary>
public static class Load
{
    /// <summary>
    /// Submits <paramref name="count"/> jobs spread evenly over <paramref name="over"/>; job i sleeps
    /// <paramref name="sleepMs"/>(i) ms. Returns every submission in order, accepted or not.
    /// </summary>
    public static async Task<Submission[]> SubmitAsync(ApiClient api, int count, TimeSpan over, Func<int, int> sleepMs, int concurrency = 8)
    {
        var results = new Submission[count];
        using var gate = new SemaphoreSlim(concurrency);
        var running = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var wait = (over * i / count) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await gate.WaitAsync();
            var index = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    results[index] = await api.SubmitRecordAsync(sleepMs(index));
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.WhenAll(running);
        return results;
    }

    /// <summary>The ids the API answered 201 for.</summary>
    public static List<Guid> Accepted(IEnumerable<Submission> submissions) =>
        submissions.Where(s => s.JobId is not null).Select(s => s.JobId!.Value).ToList();

    /// <summary>"201: 950, 503: 50"-style summary of the answers.</summary>
    public static string Answers(IEnumerable<Submission> submissions) =>
        string.Join(", ", submissions.GroupBy(s => s.Code).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key)}: {g.Count()}"));
}
