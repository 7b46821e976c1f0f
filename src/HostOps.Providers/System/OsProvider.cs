using System.Text;
using HostOps.Contracts.Operations;

namespace HostOps.Providers.System;

/// <summary>
/// Distribution and version from os-release(5): <c>/etc/os-release</c>, else <c>/usr/lib/os-release</c>.
/// Distribution is <c>NAME</c> (falling back to <c>ID</c>), version is <c>VERSION_ID</c> (empty on rolling releases).
/// </summary>
public sealed class OsProvider(HostRoot root)
{
    private static readonly string[] Paths = ["/etc/os-release", "/usr/lib/os-release"];

    public OsInfo Read()
    {
        var path = Paths.FirstOrDefault(p => File.Exists(root.Resolve(p)))
            ?? throw new HostProviderException("neither /etc/os-release nor /usr/lib/os-release exists on this host");
        var fields = Parse(HostFile.ReadAllText(root, path));
        var distribution = fields.GetValueOrDefault("NAME") ?? fields.GetValueOrDefault("ID") ?? "Linux";
        return new OsInfo(distribution, fields.GetValueOrDefault("VERSION_ID") ?? string.Empty);
    }

    /// <summary>Shell-style <c>KEY=value</c> lines; values may be quoted with " or ' and use backslash escapes.</summary>
    internal static Dictionary<string, string> Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || equals <= 0)
            {
                continue;
            }

            fields[line[..equals]] = Unquote(line[(equals + 1)..]);
        }

        return fields;
    }

    private static string Unquote(string value)
    {
        if (value.Length < 2 || (value[0] != '"' && value[0] != '\'') || value[^1] != value[0])
        {
            return value;
        }

        var inner = value[1..^1];
        if (value[0] == '\'')
        {
            return inner;
        }

        var text = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            text.Append(inner[i]);
        }

        return text.ToString();
    }
}
