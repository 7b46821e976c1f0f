using System.Globalization;

namespace HostOps.Testing;

/// <summary>What a process holds in memory, as the kernel counts it.</summary>
public static class ProcessMemory
{
    /// <summary>Resident set size (<c>VmRSS</c> of <c>/proc/&lt;pid&gt;/status</c>), in KiB.</summary>
    public static long ResidentKib(int pid) =>
        File.ReadLines($"/proc/{pid}/status")
            .Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
            .Single();
}
