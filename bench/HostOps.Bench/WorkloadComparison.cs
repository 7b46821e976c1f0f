using System.Globalization;

namespace HostOps.Bench;

/// <summary>
/// Two end-to-end workloads, both started and warmed up, measured alternately in one run (<see cref="Measure.AlternatingAsync"/>):
/// each round's jobs/s and ratio printed as it comes, the means returned.
/// </summary>
internal static class WorkloadComparison
{
    public static async Task<(double Baseline, double Variant)> RunAsync(
        string baselineName, EndToEndWorkload baseline, string variantName, EndToEndWorkload variant, BenchSettings settings)
    {
        var (baselineRounds, variantRounds) = await Measure.AlternatingAsync(
            settings.Rounds,
            () => baseline.ThroughputAsync(settings.Jobs, settings.Concurrency),
            () => variant.ThroughputAsync(settings.Jobs, settings.Concurrency));
        for (var i = 0; i < settings.Rounds; i++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  round {i + 1}: {baselineName} {baselineRounds[i]:N0} jobs/s, {variantName} {variantRounds[i]:N0} jobs/s, ratio {variantRounds[i] / baselineRounds[i]:0.00}"));
        }

        return (baselineRounds.Average(), variantRounds.Average());
    }
}
