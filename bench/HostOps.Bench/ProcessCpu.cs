using System.Diagnostics;

namespace HostOps.Bench;

/// <summary>CPU time (user + system) a set of processes has used so far, to split a run's cost between the bench and its nats-servers.</summary>
internal static class ProcessCpu
{
    public static TimeSpan Of(IEnumerable<int> pids)
    {
        var total = TimeSpan.Zero;
        foreach (var pid in pids)
        {
            using var process = Process.GetProcessById(pid);
            total += process.TotalProcessorTime;
        }

        return total;
    }

    public static TimeSpan OfThisProcess() => Process.GetCurrentProcess().TotalProcessorTime;
}
