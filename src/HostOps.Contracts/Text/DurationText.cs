using System.Globalization;
using System.Text;

namespace HostOps.Contracts.Text;

/// <summary>
/// The compact duration form shown to humans: <c>2h30m15s</c> for spans of a second or more,
/// <c>14.637ms</c> below that, and parsing of the configuration form (<c>30s</c>, <c>24h</c>, <c>1h30m</c>, <c>500ms</c>).
/// </summary>
public static class DurationText
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
        }

        var text = new StringBuilder();
        if (span.Days > 0)
        {
            text.Append(span.Days).Append('d');
        }

        if (span.Hours > 0)
        {
            text.Append(span.Hours).Append('h');
        }

        if (span.Minutes > 0)
        {
            text.Append(span.Minutes).Append('m');
        }

        if (span.Seconds > 0 || text.Length == 0)
        {
            text.Append(span.Seconds).Append('s');
        }

        return text.ToString();
    }

    public static string FormatMilliseconds(double milliseconds) => Format(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Parses <c>1h30m</c>, <c>30s</c>, <c>500ms</c>, <c>2d</c>, or a .NET <c>hh:mm:ss</c> span.</summary>
    public static bool TryParse(string? text, out TimeSpan span)
    {
        span = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out span) && span >= TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(text.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            TimeSpan? part = text[unitStart..i] switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                "d" => TimeSpan.FromDays(value),
                _ => null,
            };
            if (part is null)
            {
                return false;
            }

            total += part.Value;
        }

        span = total;
        return true;
    }
}
