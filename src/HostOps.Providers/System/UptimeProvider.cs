using System.Globalization;

namespace HostOps.Providers.System;

/// <summary>Time since boot from the first field of <c>/proc/uptime</c>.</summary>
public sealed class UptimeProvider(HostRoot root)
{
    private const string UptimePath = "/proc/uptime";

    public TimeSpan Read()
    {
        var text = HostFile.ReadAllText(root, UptimePath);
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length == 0
            || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || seconds < 0)
        {
            throw HostFile.Unexpected(UptimePath, text);
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
