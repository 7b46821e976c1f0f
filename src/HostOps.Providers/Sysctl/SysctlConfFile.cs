namespace HostOps.Providers.Sysctl;

/// <summary>
/// The text of a sysctl.d file (sysctl.d(5)): <c>key = value</c> lines, comments starting with <c>#</c> or <c>;</c>.
/// Edits keep every other line as it was.
/// </summary>
internal static class SysctlConfFile
{
    public const string Header = "# Kernel parameters set by HostOps (PUT /sysctl/{key} with persist); edit them through HostOps.\n";

    public static IReadOnlyDictionary<string, string> Entries(string text)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (Parse(line) is { } entry)
            {
                entries[entry.Key] = SysctlReader.Normalize(entry.Value);
            }
        }

        return entries;
    }

    /// <summary>The text with <paramref name="key"/> set to <paramref name="value"/>: its line replaced (its later duplicates dropped), or one added.</summary>
    public static string With(string text, string key, string value)
    {
        var line = $"{key} = {value}";
        var lines = Lines(text);
        var at = lines.FindIndex(l => Parse(l)?.Key == key);
        lines.RemoveAll(l => Parse(l)?.Key == key);
        lines.Insert(at < 0 ? lines.Count : at, line);
        return Join(lines);
    }

    /// <summary>The text without any line for <paramref name="key"/>.</summary>
    public static string Without(string text, string key)
    {
        var lines = Lines(text);
        lines.RemoveAll(l => Parse(l)?.Key == key);
        return Join(lines);
    }

    private static List<string> Lines(string text) =>
        text.Length == 0 ? [.. Header.TrimEnd('\n').Split('\n')] : [.. text.TrimEnd('\n').Split('\n')];

    private static string Join(List<string> lines) => string.Join('\n', lines) + "\n";

    // "-net.ipv4.ip_forward = 1" (a leading - ignores a failure) names net.ipv4.ip_forward too.
    private static KeyValuePair<string, string>? Parse(string line)
    {
        var text = line.Trim();
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (text.Length == 0 || text[0] is '#' or ';' || equals <= 0)
        {
            return null;
        }

        return new(text[..equals].Trim().TrimStart('-').Replace('/', '.'), text[(equals + 1)..].Trim());
    }
}
