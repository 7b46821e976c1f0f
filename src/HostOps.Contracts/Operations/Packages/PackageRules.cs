using System.Text.RegularExpressions;

namespace HostOps.Contracts.Operations.Packages;

/// <summary>
/// The input rules of the package operations. A name or version reaches apt-get, dnf, dpkg-query or rpm as one
/// argument after <c>--</c>, and the rules keep it a plain word anyway: it starts with a letter or digit (never an
/// option), holds no glob or shell character, and is at most <see cref="MaxLength"/> characters.
/// </summary>
public static partial class PackageRules
{
    public const int MaxLength = 128;

    /// <summary>The most packages one host lists in <c>package.list.get</c>.</summary>
    public const int MaxListed = 5000;

    /// <summary>The most names one <c>package.upgrade.do</c> takes.</summary>
    public const int MaxNames = 100;

    private const string NameForm = "1-128 of A-Z a-z 0-9 + . _ -, starting with a letter or digit";
    private const string VersionForm = "1-128 of A-Z a-z 0-9 . + ~ : _ -, starting with a letter or digit";
    private const string PatternForm = "1-128 of A-Z a-z 0-9 + . _ - and the wildcards * and ?";

    /// <summary>
    /// A package name: Debian's <c>[a-z0-9][a-z0-9+.-]+</c> and rpm's names (which also use upper case and <c>_</c>)
    /// both fit <c>[A-Za-z0-9][A-Za-z0-9+._-]*</c>. A Debian host refuses what Debian does not allow.
    /// </summary>
    public static string? Name(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return value.Length <= MaxLength && NamePattern().IsMatch(value) ? null : $"{field}: '{value}' is not a valid package name ({NameForm})";
    }

    /// <summary>A version as the package manager shows it: Debian's <c>[epoch:]upstream[-revision]</c>, rpm's <c>version[-release]</c>.</summary>
    public static string? Version(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return value.Length is > 0 and <= MaxLength && VersionPattern().IsMatch(value) ? null : $"{field}: '{value}' is not a valid package version ({VersionForm})";
    }

    /// <summary>A glob on package names: <c>*</c> matches any text, <c>?</c> one character; null lists every package.</summary>
    public static string? Pattern(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return value.Length is > 0 and <= MaxLength && GlobPattern().IsMatch(value) ? null : $"{field}: '{value}' is not a valid pattern ({PatternForm})";
    }

    /// <summary>Package names to upgrade: none (every pending upgrade) or up to <see cref="MaxNames"/> valid names.</summary>
    public static string? Names(string field, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Count > MaxNames)
        {
            return $"{field}: {values.Count} given, the limit is {MaxNames}";
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (Name($"{field}[{i}]", values[i]) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="name"/> matches the glob <paramref name="pattern"/> (whole name, case-sensitive).</summary>
    public static bool Matches(string pattern, string name) => Matches(pattern.AsSpan(), name.AsSpan());

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        // Iterative glob with one backtrack point: the last '*' seen and where in the name it started matching.
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9+._-]*\\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.+~:_-]*\\z")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[A-Za-z0-9+._*?-]+\\z")]
    private static partial Regex GlobPattern();
}
