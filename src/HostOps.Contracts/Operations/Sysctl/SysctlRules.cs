using System.Text.RegularExpressions;

namespace HostOps.Contracts.Operations.Sysctl;

/// <summary>
/// The input rules of the sysctl operations. A key becomes a path under <c>/proc/sys</c> (dots become slashes), so
/// it is dotted segments of <c>a-z 0-9 _ -</c>: no <c>/</c>, no empty segment, no <c>..</c>. A value is one line.
/// </summary>
public static partial class SysctlRules
{
    public const int MaxKeyLength = 255;
    public const int MaxValueLength = 4096;

    private const string KeyForm = "dotted segments of a-z 0-9 _ -, such as net.ipv4.ip_forward";

    public static string? Key(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return value.Length <= MaxKeyLength && KeyPattern().IsMatch(value) ? null : $"{field}: '{value}' is not a sysctl key ({KeyForm})";
    }

    /// <summary>An optional filter of the list: a key or the start of one (<c>net.ipv4</c>).</summary>
    public static string? Prefix(string field, string? value) => value is null ? null : Key(field, value);

    /// <summary>A value to write: one line of printable characters (tabs and spaces separate the numbers of a vector such as <c>net.ipv4.ip_local_port_range</c>).</summary>
    public static string? Value(string field, string? value)
    {
        if (value is null)
        {
            return $"{field}: is required";
        }

        if (value.Trim().Length == 0)
        {
            return $"{field}: is empty";
        }

        if (value.Length > MaxValueLength)
        {
            return $"{field}: is longer than {MaxValueLength} characters";
        }

        return value.Any(c => char.IsControl(c) && c != '\t') ? $"{field}: holds a line break or control character; a value is one line" : null;
    }

    /// <summary>The file under /proc/sys of a checked key: <c>net.ipv4.ip_forward</c> → <c>/proc/sys/net/ipv4/ip_forward</c>.</summary>
    public static string ProcPath(string key) => "/proc/sys/" + key.Replace('.', '/');

    [GeneratedRegex("^[a-z0-9_-]+(\\.[a-z0-9_-]+)*\\z")]
    private static partial Regex KeyPattern();
}
