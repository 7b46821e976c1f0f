using System.Globalization;

namespace HostOps.Bench;

/// <summary>
/// The bench's options. <see cref="Rounds"/>: how often each side of a comparison (TLS + nkey against plain, R3
/// cluster against one server) runs <see cref="Jobs"/> jobs, alternating. <see cref="SecurityParts"/>: TLS alone and
/// nkey identities alone are measured too.
/// </summary>
internal sealed record BenchSettings(int RawMessages, int Jobs, int Concurrency, int PacedRate, TimeSpan PacedFor, int StatsJobs, IReadOnlyList<int> IndexJobs, int Rounds, bool SecurityParts, int EventsRate = 5_000, int EventsSeconds = 10, int EventsClients = 50, int FileMiB = 10)
{
    public static BenchSettings Parse(string[] args)
    {
        int Int(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        IReadOnlyList<int> Ints(string name, int[] fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length
                ? args[i + 1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).Order().ToList()
                : fallback;
        }

        return new BenchSettings(
            RawMessages: Int("--raw", 200_000),
            Jobs: Int("--jobs", 20_000),
            Concurrency: Int("--concurrency", 256),
            PacedRate: Int("--paced-rate", 500),
            PacedFor: TimeSpan.FromSeconds(Int("--paced-seconds", 10)),
            StatsJobs: Int("--stats-jobs", 100_000),
            IndexJobs: Ints("--index-jobs", [100_000, 1_000_000]),
            Rounds: Int("--rounds", 2),
            SecurityParts: args.Contains("--security-parts"),
            EventsRate: Int("--events-rate", 5_000),
            EventsSeconds: Int("--events-seconds", 10),
            EventsClients: Int("--events-clients", 50),
            FileMiB: Int("--file-mib", 10));
    }
}
