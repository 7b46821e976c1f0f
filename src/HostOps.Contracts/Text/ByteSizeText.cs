using System.Globalization;

namespace HostOps.Contracts.Text;

/// <summary>
/// Sizes the way people write them: <c>512MiB</c>, <c>1GiB</c>, <c>64KB</c> or plain bytes. <c>KiB MiB GiB TiB</c> are
/// powers of 1024, <c>KB MB GB TB</c> powers of 1000 (as in IEC and Kubernetes); units are case-insensitive.
/// </summary>
public static class ByteSizeText
{
    private static readonly (string Unit, long Factor)[] Binary =
    [
        ("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10),
    ];

    private static readonly (string Unit, long Factor)[] Decimal =
    [
        ("TB", 1_000_000_000_000), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000),
    ];

    /// <summary>The largest unit that divides the size exactly, binary first: <c>1GiB</c>, <c>64KB</c>, <c>1500B</c>.</summary>
    public static string Format(long bytes)
    {
        if (bytes > 0)
        {
            foreach (var (unit, factor) in Binary.Concat(Decimal))
            {
                if (bytes % factor == 0)
                {
                    return (bytes / factor).ToString(CultureInfo.InvariantCulture) + unit;
                }
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + "B";
    }

    /// <summary>Parses <c>1GiB</c>, <c>1.5 GB</c>, <c>512mib</c>, <c>4096</c> (bytes); fractions round to whole bytes.</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var end = 0;
        while (end < span.Length && (char.IsAsciiDigit(span[end]) || span[end] == '.'))
        {
            end++;
        }

        if (end == 0 || !decimal.TryParse(span[..end], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var factor = FactorOf(span[end..].Trim());
        if (factor is null || number > long.MaxValue / factor.Value)
        {
            return false;
        }

        bytes = (long)Math.Round(number * factor.Value, MidpointRounding.AwayFromZero);
        return true;
    }

    private static long? FactorOf(ReadOnlySpan<char> unit)
    {
        if (unit.IsEmpty || unit.Equals("B", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        foreach (var (name, factor) in Binary.Concat(Decimal))
        {
            if (unit.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return factor;
            }
        }

        return null;
    }
}
