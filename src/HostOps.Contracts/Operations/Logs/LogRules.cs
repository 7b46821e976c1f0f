using System.Globalization;
using System.Text.RegularExpressions;
using HostOps.Contracts.Operations.Services;

namespace HostOps.Contracts.Operations.Logs;

/// <summary>The input rules of the log operations; each method returns an error naming the field, or null when the value is fine.</summary>
public static partial class LogRules
{
    public const int DefaultLines = 100;
    public const int MinLines = 1;
    public const int MaxLines = 1000;
    public const int MaxTime = 64;
    public const int MaxGrep = 200;

    /// <summary>The syslog priority names journalctl takes, most severe first (0 is <c>emerg</c>).</summary>
    public static readonly IReadOnlyList<string> Priorities = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    /// <summary>Every rule of a log query.</summary>
    public static string? Validate(LogQueryRequest request) =>
        (request.Unit is null ? null : ServiceRules.UnitName("unit", request.Unit))
        ?? Time("since", request.Since)
        ?? Time("until", request.Until)
        ?? Priority("priority", request.Priority)
        ?? Grep("grep", request.Grep)
        ?? Lines("lines", request.Lines);

    /// <summary>A journalctl time (<c>2026-11-30 08:00</c>, <c>-1h</c>, <c>yesterday</c>): 1-64 of A-Z a-z 0-9, space, <c>: + - .</c>.</summary>
    public static string? Time(string field, string? value) =>
        value is null || TimePattern().IsMatch(value)
            ? null
            : $"{field}: '{value}' is not a journalctl time (1-{MaxTime} of A-Z a-z 0-9, space and : + - .)";

    /// <summary>A priority: 0-7 or its name (<c>err</c>); entries of that priority and more severe ones are read.</summary>
    public static string? Priority(string field, string? value) =>
        value is null || PriorityLevel(value) is not null
            ? null
            : $"{field}: '{value}' is not a priority (0-7 or {string.Join(", ", Priorities)})";

    /// <summary>The number 0-7 of a priority given as a number or a name, or null when it is neither.</summary>
    public static int? PriorityLevel(string value)
    {
        var named = Priorities.ToList().IndexOf(value);
        return named >= 0 ? named
            : value.Length == 1 && value[0] is >= '0' and <= '7' ? int.Parse(value, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>A pattern for journalctl's <c>--grep</c> (a PCRE2 regular expression): 1-200 characters, no line breaks.</summary>
    public static string? Grep(string field, string? value) =>
        value is null || (value.Length is >= 1 and <= MaxGrep && !value.Any(char.IsControl))
            ? null
            : $"{field}: must be 1-{MaxGrep} characters without control characters";

    /// <summary>How many entries, newest last; null means <see cref="DefaultLines"/>.</summary>
    public static string? Lines(string field, int? value) =>
        value is null or (>= MinLines and <= MaxLines) ? null : $"{field}: {value} is out of range ({MinLines}-{MaxLines})";

    [GeneratedRegex("^[0-9A-Za-z :+\\-.]{1,64}\\z")]
    private static partial Regex TimePattern();
}
