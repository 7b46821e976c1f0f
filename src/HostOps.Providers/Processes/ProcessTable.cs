using System.Globalization;
using System.Text;
using HostOps.Providers.System;

namespace HostOps.Providers.Processes;

/// <summary>
/// The host's processes, read from /proc (through <see cref="HostRoot"/>): <c>/proc/[pid]/stat</c> for the numbers,
/// <c>/proc/[pid]/status</c> for the effective uid (named through <c>/etc/passwd</c>), <c>/proc/[pid]/cmdline</c> for
/// the command line; <c>btime</c> of <c>/proc/stat</c> and <c>/proc/uptime</c> place the start in time. CPU use is the
/// average over the process's lifetime, as <c>ps</c> shows it: (utime + stime) / ticks per second / seconds since it
/// started. A process that exits while it is being read is left out, never an error.
/// </summary>
[HostProvider]
public sealed class ProcessTable(HostRoot root, UptimeProvider uptime)
{
    /// <summary>USER_HZ: the unit of the times in <c>/proc/[pid]/stat</c>, 100 on every Linux architecture HostOps runs on.</summary>
    public const int ClockTicksPerSecond = 100;

    private const string ProcPath = "/proc";
    private const string StatPath = "/proc/stat";

    /// <summary>
    /// The processes of <paramref name="user"/> (name or uid) whose name holds <paramref name="name"/> (each filter
    /// optional), in the order <paramref name="sort"/> names (<c>cpu</c>, <c>rss</c>, <c>pid</c>, <c>start</c>), at most
    /// <paramref name="limit"/> of them.
    /// </summary>
    public ProcessListing List(string sort, int limit, string? user, string? name)
    {
        var clock = Clock();
        var users = UserNames.Read(root);
        var matching = new List<ProcessEntry>();
        foreach (var pid in Pids())
        {
            if (Read(pid, clock, users) is { } entry && (user is null || IsUser(entry, user)) && (name is null || HasName(entry, name)))
            {
                matching.Add(entry);
            }
        }

        return new ProcessListing([.. Sorted(matching, sort).Take(limit)], matching.Count);
    }

    /// <summary>One process; a <see cref="HostProviderException"/> when there is none with <paramref name="pid"/>.</summary>
    public ProcessEntry Get(int pid) =>
        Read(pid, Clock(), UserNames.Read(root)) ?? throw new HostProviderException($"no process with pid {pid}");

    private static IEnumerable<ProcessEntry> Sorted(List<ProcessEntry> entries, string sort) => sort switch
    {
        "rss" => entries.OrderByDescending(e => e.RssBytes).ThenBy(e => e.Pid),
        "pid" => entries.OrderBy(e => e.Pid),
        "start" => entries.OrderByDescending(e => e.StartTicks).ThenByDescending(e => e.Pid),
        _ => entries.OrderByDescending(e => e.CpuPercent).ThenBy(e => e.Pid),
    };

    private static bool IsUser(ProcessEntry entry, string user) =>
        entry.User == user || entry.Uid.ToString(CultureInfo.InvariantCulture) == user;

    private static bool HasName(ProcessEntry entry, string name) =>
        entry.Name.Contains(name, StringComparison.Ordinal)
        || (entry.Argv.Count > 0 && Path.GetFileName(entry.Argv[0]).Contains(name, StringComparison.Ordinal));

    private IEnumerable<int> Pids()
    {
        string[] directories;
        try
        {
            directories = Directory.GetDirectories(root.Resolve(ProcPath));
        }
        catch (DirectoryNotFoundException e)
        {
            throw new HostProviderException($"{ProcPath} does not exist on this host", e);
        }

        foreach (var directory in directories)
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    // Null when the process is gone (or never was): its files vanish, or reading them fails with ESRCH.
    private ProcessEntry? Read(int pid, ProcessClock clock, UserNames users)
    {
        var directory = root.Resolve($"{ProcPath}/{pid.ToString(CultureInfo.InvariantCulture)}");
        string statLine;
        string status;
        byte[] cmdline;
        try
        {
            statLine = File.ReadAllText(Path.Join(directory, "stat"));
            status = File.ReadAllText(Path.Join(directory, "status"));
            cmdline = File.ReadAllBytes(Path.Join(directory, "cmdline"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var stat = ProcStat.Parse(statLine.TrimEnd('\n'));
        if (stat is null || stat.Pid != pid)
        {
            throw HostFile.Unexpected($"{ProcPath}/{pid}/stat", statLine);
        }

        var uid = EffectiveUid(status) ?? throw HostFile.Unexpected($"{ProcPath}/{pid}/status", status);
        var argv = Argv(cmdline);
        var seconds = clock.Uptime - ((double)stat.StartTicks / ClockTicksPerSecond);
        var cpuSeconds = (double)(stat.Utime + stat.Stime) / ClockTicksPerSecond;
        return new ProcessEntry(
            stat.Pid,
            stat.Ppid,
            uid,
            users.Name(uid),
            stat.Comm,
            argv.Count == 0 ? $"[{stat.Comm}]" : string.Join(' ', argv),
            ProcessStates.Word(stat.State),
            seconds > 0 ? Math.Round(cpuSeconds / seconds * 100, 1) : 0,
            stat.RssPages * Environment.SystemPageSize,
            clock.Boot.AddSeconds(stat.StartTicks / ClockTicksPerSecond),
            stat.Threads,
            argv,
            stat.StartTicks);
    }

    // "Uid:\treal\teffective\tsaved\tfilesystem": the effective uid, as ps's USER column shows.
    private static uint? EffectiveUid(string status)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                var ids = line[4..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                return ids.Length >= 2 && uint.TryParse(ids[1], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : null;
            }
        }

        return null;
    }

    // NUL-separated arguments with a NUL after the last; empty for kernel threads and zombies.
    private static List<string> Argv(byte[] cmdline)
    {
        if (cmdline.Length == 0)
        {
            return [];
        }

        var words = Encoding.UTF8.GetString(cmdline).Split('\0');
        return cmdline[^1] == 0 ? [.. words[..^1]] : [.. words];
    }

    private ProcessClock Clock()
    {
        foreach (var line in HostFile.ReadLines(root, StatPath))
        {
            if (line.StartsWith("btime ", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var boot))
            {
                return new ProcessClock(DateTimeOffset.FromUnixTimeSeconds(boot), uptime.Read());
            }
        }

        throw new HostProviderException($"{StatPath} has no btime line");
    }

    /// <summary>When the host booted, and how many seconds ago.</summary>
    private sealed record ProcessClock(DateTimeOffset Boot, double Uptime);
}
