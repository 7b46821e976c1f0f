using HostOps.Contracts.Operations.Cron;

namespace HostOps.Providers.Cron;

/// <summary>
/// The text of one HostOps file in /etc/cron.d (crontab(5) with a user field): a comment saying who owns it, the
/// environment cron gives the command, and the entry's line <c>SCHEDULE USER COMMAND</c>.
/// </summary>
internal static class CronFile
{
    public const string Directory = "/etc/cron.d";

    public static string PathOf(string name) => $"{Directory}/{CronRules.FilePrefix}{name}";

    public static string Render(CronEntry entry) =>
        $"# HostOps cron entry '{entry.Name}' (PUT /schedule/cron/{entry.Name}); HostOps rewrites this file.\n" +
        "SHELL=/bin/sh\n" +
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n" +
        $"{entry.Schedule} {entry.User} {entry.Command}\n";

    /// <summary>The entry of a file's text: its first line that is not a comment or a variable; null when it has none.</summary>
    public static CronEntry? Parse(string name, string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || IsVariable(line))
            {
                continue;
            }

            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var scheduleWords = line[0] == '@' ? 1 : 5;
            if (words.Length < scheduleWords + 2)
            {
                return null;
            }

            var rest = line;
            for (var i = 0; i < scheduleWords + 1; i++)
            {
                rest = rest[(rest.IndexOf(words[i], StringComparison.Ordinal) + words[i].Length)..].TrimStart(' ', '\t');
            }

            return new CronEntry { Name = name, Schedule = string.Join(' ', words[..scheduleWords]), User = words[scheduleWords], Command = rest };
        }

        return null;
    }

    // "MAILTO=ops@example.com" and "SHELL = /bin/sh": a name, then =, before any space-separated field.
    private static bool IsVariable(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && line[..equals].Trim() is { Length: > 0 } variable && variable.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(variable[0]);
    }
}
