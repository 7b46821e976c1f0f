using System.Globalization;

namespace HostOps.Providers.System;

/// <summary>Seconds since boot: the first field of <c>/proc/uptime</c>, kept as the kernel wrote it (a TimeSpan would round it).</summary>
public sealed class UptimeProvider(HostRoot root)
{
    private const string UptimePath = "/proc/uptime";

    public double Read()
    {
        var text = HostFile.ReadAllText(root, UptimePath);
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length == 0
            || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || seconds < 0)
        {
            throw HostFile.Unexpected(UptimePath, text);
        }

        return seconds;
    }
}
