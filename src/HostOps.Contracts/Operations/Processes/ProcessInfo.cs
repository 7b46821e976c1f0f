namespace HostOps.Contracts.Operations.Processes;

/// <summary>One process as <c>process.list.get</c> lists it.</summary>
public sealed record ProcessInfo
{
    public int Pid { get; init; }

    public int Ppid { get; init; }

    /// <summary>The effective user's name, or its uid when /etc/passwd does not name it.</summary>
    public string User { get; init; } = "";

    /// <summary>The command line joined by spaces, or <c>[comm]</c> for a kernel thread (no command line).</summary>
    public string Command { get; init; } = "";

    /// <summary>The kernel's word for the state: <c>running</c>, <c>sleeping</c>, <c>zombie</c>…</summary>
    public string State { get; init; } = "";

    /// <summary>CPU time over the process's lifetime, as <c>ps</c> counts it (can pass 100 with several threads).</summary>
    public double CpuPercent { get; init; }

    public long RssBytes { get; init; }

    public DateTimeOffset StartTime { get; init; }
}
