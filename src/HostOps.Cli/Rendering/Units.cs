using System.Globalization;

namespace HostOps.Cli.Rendering;

/// <summary>Numbers as people read them in a table: bytes in binary units, times in UTC without fractions.</summary>
internal static class Units
{
    private static readonly string[] ByteUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    public static string Bytes(double bytes)
    {
        var unit = 0;
        while (bytes >= 1024 && unit < ByteUnits.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0
            ? bytes.ToString("0", CultureInfo.InvariantCulture) + " B"
            : bytes.ToString("0.0", CultureInfo.InvariantCulture) + " " + ByteUnits[unit];
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
