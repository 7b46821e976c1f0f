using System.Text.RegularExpressions;

namespace HostOps.Contracts.Operations.Time;

/// <summary>
/// The input rules of the time operations. A zone is a path under /usr/share/zoneinfo (<c>Europe/Berlin</c>,
/// <c>Etc/GMT+1</c>): segments of <c>A-Z a-z 0-9 _ + -</c>, so never <c>..</c>; whether the host's zoneinfo database has
/// it is checked on the host. An NTP server is a host name or an IP address.
/// </summary>
public static partial class TimeRules
{
    public const int MaxServers = 8;

    public static string? Zone(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return value.Length <= 64 && ZonePattern().IsMatch(value)
            ? null
            : $"{field}: '{value}' is not a time zone name (Area/City as in the zoneinfo database, such as Europe/Berlin or UTC)";
    }

    public static string? Servers(string field, IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return $"{field}: at least one server is required";
        }

        if (values.Count > MaxServers)
        {
            return $"{field}: {values.Count} given, the limit is {MaxServers}";
        }

        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (!InputRules.TryParseIpLiteral(value, out _) && (value.StartsWith('-') || InputRules.Hostname($"{field}[{i}]", value) is not null))
            {
                return $"{field}[{i}]: '{value}' is not a host name or an IP address";
            }
        }

        return values.Distinct(StringComparer.OrdinalIgnoreCase).Count() == values.Count ? null : $"{field}: names a server twice";
    }

    [GeneratedRegex("^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+){0,2}\\z")]
    private static partial Regex ZonePattern();
}
