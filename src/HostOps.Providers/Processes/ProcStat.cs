using System.Globalization;

namespace HostOps.Providers.Processes;

/// <summary>
/// The fields HostOps uses from one <c>/proc/[pid]/stat</c> line (proc(5)). The name (comm) is in parentheses and may
/// itself hold spaces and parentheses (<c>42 (a) b) S 1 …</c>), so it runs to the LAST <c>)</c> of the line.
/// </summary>
/// <param name="Utime">User-mode CPU time in clock ticks.</param>
/// <param name="Stime">Kernel-mode CPU time in clock ticks.</param>
/// <param name="StartTicks">When the process started, in clock ticks after boot.</param>
/// <param name="RssPages">Resident set size in pages.</param>
public sealed record ProcStat(int Pid, string Comm, char State, int Ppid, ulong Utime, ulong Stime, int Threads, ulong StartTicks, long RssPages)
{
    // Positions after the ")" (field 3 of proc(5), the state, is 0 here).
    private const int PpidIndex = 1;
    private const int UtimeIndex = 11;
    private const int StimeIndex = 12;
    private const int ThreadsIndex = 17;
    private const int StartIndex = 19;
    private const int RssIndex = 21;

    /// <summary>The line's fields, or null when it is not a stat line.</summary>
    public static ProcStat? Parse(string line)
    {
        var open = line.IndexOf(" (", StringComparison.Ordinal);
        var close = line.LastIndexOf(')');
        if (open <= 0 || close < open || !int.TryParse(line.AsSpan(0, open), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        var fields = line[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length <= RssIndex || fields[0].Length != 1
            || !int.TryParse(fields[PpidIndex], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid)
            || !ulong.TryParse(fields[UtimeIndex], NumberStyles.None, CultureInfo.InvariantCulture, out var utime)
            || !ulong.TryParse(fields[StimeIndex], NumberStyles.None, CultureInfo.InvariantCulture, out var stime)
            || !int.TryParse(fields[ThreadsIndex], NumberStyles.None, CultureInfo.InvariantCulture, out var threads)
            || !ulong.TryParse(fields[StartIndex], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(fields[RssIndex], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rss))
        {
            return null;
        }

        return new ProcStat(pid, line[(open + 2)..close], fields[0][0], ppid, utime, stime, threads, start, Math.Max(rss, 0));
    }
}
