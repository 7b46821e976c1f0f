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

    /// <summary>The nats-server processes this process started (the managed server execs it, so we are its parent).</summary>
    public static IReadOnlyList<int> NatsServerChildren()
    {
        var pids = new List<int>();
        foreach (var process in Process.GetProcessesByName("nats-server"))
        {
            using (process)
            {
                try
                {
                    // /proc/PID/stat: "pid (comm) state ppid …"; comm is "nats-server", no spaces or parentheses.
                    var fields = File.ReadAllText($"/proc/{process.Id}/stat").Split(' ');
                    if (int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture) == Environment.ProcessId)
                    {
                        pids.Add(process.Id);
                    }
                }
                catch (IOException)
                {
                    // gone meanwhile
                }
            }
        }

        return pids;
    }

    public static TimeSpan OfThisProcess() => Process.GetCurrentProcess().TotalProcessorTime;
}
