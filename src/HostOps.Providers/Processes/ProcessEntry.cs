namespace HostOps.Providers.Processes;

/// <summary>One process as <see cref="ProcessTable"/> read it from /proc.</summary>
/// <param name="User">The name /etc/passwd gives <paramref name="Uid"/> (the effective uid), else the uid.</param>
/// <param name="Name">The kernel's name for it (comm, at most 15 characters).</param>
/// <param name="Command">The command line joined by spaces, or <c>[comm]</c> for a kernel thread.</param>
/// <param name="State">The kernel's word for its state (<see cref="ProcessStates"/>).</param>
/// <param name="CpuPercent">CPU time over its lifetime, in percent of one CPU, to one decimal.</param>
/// <param name="Argv">The command line, one element per argument (empty for a kernel thread).</param>
/// <param name="StartTicks">Clock ticks after boot when it started, for sorting.</param>
public sealed record ProcessEntry(
    int Pid,
    int Ppid,
    uint Uid,
    string User,
    string Name,
    string Command,
    string State,
    double CpuPercent,
    long RssBytes,
    DateTimeOffset StartTime,
    int Threads,
    IReadOnlyList<string> Argv,
    ulong StartTicks);
