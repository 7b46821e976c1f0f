using System.Globalization;
using HostOps.Contracts.Operations;

namespace HostOps.Providers.System;

/// <summary>
/// Memory from <c>/proc/meminfo</c>: free is <c>MemAvailable</c> (what new work can get without swapping), used is
/// total minus that. Kernels before 3.14 lack <c>MemAvailable</c>; there free is MemFree + Buffers + Cached, the
/// estimate <c>free(1)</c> made before the kernel did it.
/// </summary>
public sealed class MemoryProvider(HostRoot root)
{
    private const string MemInfoPath = "/proc/meminfo";
    private const ulong KiB = 1024;

    public MemoryInfo Read()
    {
        var fields = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var line in HostFile.ReadLines(root, MemInfoPath))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            var unitAt = value.IndexOf(' ', StringComparison.Ordinal);
            var number = unitAt < 0 ? value : value[..unitAt];
            var multiplier = unitAt < 0 ? 1 : KiB; // every sized field is in kB; counters such as HugePages_Total have no unit
            if (ulong.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                fields[line[..colon]] = parsed * multiplier;
            }
        }

        if (!fields.TryGetValue("MemTotal", out var total))
        {
            throw new HostProviderException($"{MemInfoPath} has no MemTotal line");
        }

        if (!fields.TryGetValue("MemAvailable", out var available))
        {
            available = fields.GetValueOrDefault("MemFree") + fields.GetValueOrDefault("Buffers") + fields.GetValueOrDefault("Cached");
        }

        available = Math.Min(available, total);
        return new MemoryInfo(total, available, total - available);
    }
}
