using System.Globalization;
using System.Text;
using System.Text.Json;
using HostOps.Contracts.Operations.Logs;

namespace HostOps.Providers.Logs;

/// <summary>
/// Reads <c>journalctl --output=json</c>: one JSON object per line, every value a string, or an array of byte values
/// when it is not valid text (colour codes, binary), or an array of those when the field occurs more than once;
/// <c>null</c> for a value larger than 4096 bytes.
/// </summary>
public static class JournalOutput
{
    private static readonly long MaxMicroseconds = (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks / 10;

    /// <summary>The entries of <paramref name="output"/>, in its order; a line that is not a JSON object is skipped.</summary>
    public static IReadOnlyList<LogEntry> Entries(string output)
    {
        var entries = new List<LogEntry>();
        foreach (var line in output.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    entries.Add(Entry(document.RootElement));
                }
            }
            catch (JsonException)
            {
                // Not an entry (a line journalctl itself added); the others still count.
            }
        }

        return entries;
    }

    private static LogEntry Entry(JsonElement fields) => new()
    {
        Time = long.TryParse(Text(fields, "__REALTIME_TIMESTAMP"), NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
            && micros <= MaxMicroseconds
            ? DateTimeOffset.UnixEpoch.AddTicks(micros * 10)
            : null,
        Unit = Text(fields, "_SYSTEMD_UNIT"),
        Identifier = Text(fields, "SYSLOG_IDENTIFIER"),
        Priority = int.TryParse(Text(fields, "PRIORITY"), NumberStyles.None, CultureInfo.InvariantCulture, out var priority) ? priority : null,
        Message = Text(fields, "MESSAGE"),
        Pid = int.TryParse(Text(fields, "_PID"), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null,
    };

    // A field's text: a string as it is, bytes decoded as UTF-8 (invalid sequences become U+FFFD), a repeated field's values joined by newlines.
    private static string? Text(JsonElement fields, string name) =>
        fields.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number) =>
            Encoding.UTF8.GetString([.. value.EnumerateArray().Select(e => e.TryGetByte(out var b) ? b : (byte)'?')]),
        JsonValueKind.Array => string.Join('\n', value.EnumerateArray().Select(Text).OfType<string>()),
        _ => null,
    };
}
