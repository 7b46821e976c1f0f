using System.Globalization;
using System.Text.RegularExpressions;

namespace HostOps.Contracts.Operations.Cron;

/// <summary>
/// The input rules of the cron operations. A name becomes the file <c>/etc/cron.d/hostops-NAME</c>, so it is
/// <c>a-z 0-9 _ -</c> (cron skips files whose names hold a dot). A schedule is one of cron's <c>@</c> words or five
/// fields as crontab(5) has them: numbers in each field's range, <c>*</c>, ranges <c>a-b</c>, lists <c>a,b</c>,
/// steps <c>/n</c>, and the names <c>jan</c>…<c>dec</c>, <c>sun</c>…<c>sat</c> (alone, as crontab(5) allows them).
/// </summary>
public static partial class CronRules
{
    public const int MaxNameLength = 64;
    public const int MaxCommandLength = 1000;

    /// <summary>The prefix of HostOps' files in /etc/cron.d.</summary>
    public const string FilePrefix = "hostops-";

    public static readonly IReadOnlyList<string> Shortcuts = ["@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static readonly (string Name, int Min, int Max, string[] Names)[] Fields =
    [
        ("minute", 0, 59, []),
        ("hour", 0, 23, []),
        ("day of month", 1, 31, []),
        ("month", 1, 12, Months),
        ("day of week", 0, 7, Days),
    ];

    public static string? Name(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return NamePattern().IsMatch(value) ? null : $"{field}: '{value}' is not a valid entry name (1-{MaxNameLength} of a-z 0-9 _ -, starting with a letter or digit)";
    }

    /// <summary>A user name as useradd takes it (whether the user exists is checked on the host).</summary>
    public static string? User(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return UserPattern().IsMatch(value) ? null : $"{field}: '{value}' is not a valid user name (1-32 of a-z 0-9 _ -, starting with a letter or _)";
    }

    /// <summary>The command: one line (cron reads a line break as the end of the entry), at most <see cref="MaxCommandLength"/> characters.</summary>
    public static string? Command(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{field}: is required";
        }

        if (value.Length > MaxCommandLength)
        {
            return $"{field}: is longer than {MaxCommandLength} characters";
        }

        return value.Any(c => char.IsControl(c) && c != '\t') ? $"{field}: holds a line break or control character; a cron command is one line" : null;
    }

    public static string? Schedule(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{field}: is required";
        }

        if (value.StartsWith('@'))
        {
            return Shortcuts.Contains(value) ? null : $"{field}: '{value}' is not one of {string.Join(", ", Shortcuts)}";
        }

        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != Fields.Length || value.Any(c => char.IsControl(c)))
        {
            return $"{field}: '{value}' is not five fields (minute hour day-of-month month day-of-week) or an @ word such as @daily";
        }

        for (var i = 0; i < Fields.Length; i++)
        {
            if (FieldError(parts[i], Fields[i]) is { } why)
            {
                return $"{field}: '{value}': the {Fields[i].Name} field '{parts[i]}' {why}";
            }
        }

        return null;
    }

    /// <summary>The schedule as it is written and compared: its fields joined by one space.</summary>
    public static string Normalize(string schedule) => string.Join(' ', schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string? FieldError(string text, (string Name, int Min, int Max, string[] Names) field)
    {
        if (field.Names.Contains(text))
        {
            return null;
        }

        foreach (var item in text.Split(','))
        {
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var range = slash < 0 ? item : item[..slash];
            if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1 || step > field.Max))
            {
                return $"has a bad step in '{item}' (1-{field.Max})";
            }

            if (range == "*")
            {
                continue;
            }

            var bounds = range.Split('-');
            if (bounds.Length > 2 || bounds.Any(b => !InRange(b, field)))
            {
                return $"is not in {field.Min}-{field.Max}" + (field.Names.Length > 0 ? $" (or a single name {field.Names[0]}…{field.Names[^1]})" : "");
            }

            if (bounds.Length == 2 && int.Parse(bounds[0], CultureInfo.InvariantCulture) > int.Parse(bounds[1], CultureInfo.InvariantCulture))
            {
                return $"has a range that runs backwards ('{range}')";
            }

            if (slash >= 0 && bounds.Length == 1)
            {
                return $"has a step on a single value ('{item}'); use a range or *";
            }
        }

        return null;
    }

    private static bool InRange(string text, (string Name, int Min, int Max, string[] Names) field) =>
        text.Length is > 0 and <= 2 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && number >= field.Min && number <= field.Max;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}\\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}\\z")]
    private static partial Regex UserPattern();
}
