using System.Diagnostics;

namespace HostOps.EndToEnd.Tests.Cli;

/// <summary>Finds nats-server processes by what they were started with, to prove none is left behind.</summary>
internal static class NatsServerProcesses
{
    /// <summary>Pids of running nats-servers whose command line mentions <paramref name="directory"/> (their store).</summary>
    public static List<int> Using(string directory)
    {
        var pids = new List<int>();
        foreach (var process in Process.GetProcessesByName("nats-server"))
        {
            using (process)
            {
                try
                {
                    if (File.ReadAllText($"/proc/{process.Id}/cmdline").Contains(directory, StringComparison.Ordinal))
                    {
                        pids.Add(process.Id);
                    }
                }
                catch (IOException)
                {
                }
            }
        }

        return pids;
    }

    /// <summary>Kills whatever nats-server a failed test left running on <paramref name="directory"/>.</summary>
    public static void KillUsing(string directory)
    {
        foreach (var pid in Using(directory))
        {
            using var stray = Process.GetProcessById(pid);
            stray.Kill();
            stray.WaitForExit();
        }
    }
}
