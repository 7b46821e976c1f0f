using System.Globalization;
using HostOps.Contracts.Operations.Time;

namespace HostOps.Providers.Time;

/// <summary>
/// Reads the NTP clients' outputs: <c>timedatectl show-timesync</c> (KEY=VALUE properties),
/// <c>timedatectl timesync-status</c> (aligned <c>Name: value</c> lines, the offset as <c>-224us</c>, <c>1.5ms</c>),
/// <c>chronyc -c tracking</c> (one CSV line: reference id, name, stratum, reference time, system time offset in
/// seconds, …, leap status last) and <c>chronyc -c sources</c> (one CSV line per source: mode, state, name, …; state
/// <c>*</c> is the one in use).
/// </summary>
internal static class NtpOutput
{
    public static NtpResult Timesyncd(string synchronized, string properties, string status)
    {
        var values = Pairs(properties, '=');
        var configured = Words(values.GetValueOrDefault("SystemNTPServers")).Concat(Words(values.GetValueOrDefault("LinkNTPServers"))).ToList();
        var offset = Pairs(status, ':').GetValueOrDefault("Offset");
        return new NtpResult
        {
            Service = NtpClient.Timesyncd,
            Synchronized = synchronized.Trim() == "yes",
            OffsetSeconds = offset is null ? null : Seconds(offset),
            Servers = configured.Count > 0 ? configured : Words(values.GetValueOrDefault("FallbackNTPServers")),
            ServerInUse = values.GetValueOrDefault("ServerName") is { Length: > 0 } name ? name : null,
        };
    }

    public static NtpResult Chrony(string tracking, string sources)
    {
        var fields = tracking.Trim().Split(',');
        var rows = sources.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.Split(',')).Where(r => r.Length >= 3).ToList();
        return new NtpResult
        {
            Service = NtpClient.Chrony,
            Synchronized = fields.Length >= 14 ? fields[13] != "Not synchronised" && fields[0] != "00000000" : null,
            OffsetSeconds = fields.Length >= 5 && double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var offset) ? offset : null,
            Servers = [.. rows.Where(r => r[0] is "^" or "=").Select(r => r[2])],
            ServerInUse = rows.FirstOrDefault(r => r[1] == "*")?[2],
        };
    }

    /// <summary>systemd's time span: <c>-224us</c>, <c>+1.139ms</c>, <c>2s</c>, <c>1min 3s</c>, in seconds.</summary>
    public static double? Seconds(string span)
    {
        double total = 0;
        foreach (var part in span.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var unitAt = part.IndexOfAny([.. "munsh"]);
            if (unitAt <= 0 || !double.TryParse(part[..unitAt], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            var scale = part[unitAt..] switch { "ns" => 1e-9, "us" or "µs" => 1e-6, "ms" => 1e-3, "s" => 1, "min" => 60, "h" => 3600, _ => double.NaN };
            total += number * scale;
        }

        return double.IsNaN(total) ? null : total;
    }

    private static Dictionary<string, string> Pairs(string text, char separator)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                pairs.TryAdd(line[..at].Trim(), line[(at + 1)..].Trim());
            }
        }

        return pairs;
    }

    private static List<string> Words(string? text) => [.. (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
