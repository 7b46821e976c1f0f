using System.Globalization;

namespace HostOps.Bench;

/// <summary>One side of a comparison: a started workload and the pids of the nats-servers it runs against.</summary>
internal sealed record ComparedWorkload(string Name, EndToEndWorkload Workload, IReadOnlyList<int> ServerPids);

/// <summary>One measurement: jobs/s, and CPU per job of the bench process (API side and agent) and of the nats-servers.</summary>
internal sealed record WorkloadFigures(double JobsPerSecond, double BenchCpuMicrosPerJob, double ServerCpuMicrosPerJob);

/// <summary>
/// End-to-end workloads, all started and warmed up, measured alternately in one run
/// (<see cref="Measure.AlternatingAsync{T}"/>): each round's figures printed as they come, the means returned in the
/// order given. Ratios are to the first (the baseline).
/// </summary>
internal static class WorkloadComparison
{
    public static async Task<List<WorkloadFigures>> RunAsync(BenchSettings settings, params ComparedWorkload[] workloads)
    {
        var results = await Measure.AlternatingAsync(settings.Rounds, [.. workloads.Select(w => (Func<Task<WorkloadFigures>>)(() => MeasureAsync(w, settings)))]);
        for (var round = 0; round < settings.Rounds; round++)
        {
            var baseline = results[0][round].JobsPerSecond;
            Console.WriteLine($"  round {round + 1}: " + string.Join(", ", workloads.Select((w, i) => Describe(w.Name, results[i][round], baseline))));
        }

        var means = results.Select(r => new WorkloadFigures(
            r.Average(f => f.JobsPerSecond), r.Average(f => f.BenchCpuMicrosPerJob), r.Average(f => f.ServerCpuMicrosPerJob))).ToList();
        Console.WriteLine("  mean:    " + string.Join(", ", workloads.Select((w, i) => Describe(w.Name, means[i], means[0].JobsPerSecond))));
        return means;
    }

    /// <summary>One throughput measurement of <paramref name="compared"/>, with the CPU it cost per job.</summary>
    public static async Task<WorkloadFigures> MeasureAsync(ComparedWorkload compared, BenchSettings settings)
    {
        var bench = ProcessCpu.OfThisProcess();
        var servers = ProcessCpu.Of(compared.ServerPids);
        var jobsPerSecond = await compared.Workload.ThroughputAsync(settings.Jobs, settings.Concurrency);
        var benchCpu = ProcessCpu.OfThisProcess() - bench;
        var serverCpu = ProcessCpu.Of(compared.ServerPids) - servers;
        return new WorkloadFigures(jobsPerSecond, benchCpu.TotalMicroseconds / settings.Jobs, serverCpu.TotalMicroseconds / settings.Jobs);
    }

    private static string Describe(string name, WorkloadFigures figures, double baseline) => string.Create(
        CultureInfo.InvariantCulture,
        $"{name} {figures.JobsPerSecond:N0} jobs/s ({figures.JobsPerSecond / baseline:0.00}; CPU/job bench {figures.BenchCpuMicrosPerJob:N0} µs, nats {figures.ServerCpuMicrosPerJob:N0} µs)");
}
