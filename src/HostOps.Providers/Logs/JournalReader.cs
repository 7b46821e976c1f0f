using System.Globalization;
using System.Text;
using HostOps.Contracts.Operations.Logs;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Logs;

/// <summary>
/// Reads the systemd journal through <c>journalctl --output=json</c>, each filter one argument
/// (<c>--unit=…</c>, <c>--since=…</c>, <c>--grep=…</c>), never through a shell. It asks for one entry more than
/// wanted to tell whether older ones were left out, and keeps the newest entries whose messages fit in
/// <see cref="MaxMessageBytes"/>, so an answer stays small enough for the job's reply. A host without journal
/// (no journalctl, or no journal files) is refused with the reason.
/// </summary>
[HostProvider]
public sealed class JournalReader(HostRoot root, ICommandRunner runner)
{
    /// <summary>The most message text one answer carries; older entries beyond it are left out (<c>truncated</c>).</summary>
    public const int MaxMessageBytes = 512 * 1024;

    private static readonly string[] JournalDirectories = ["/run/log/journal", "/var/log/journal"];

    public async Task<JournalRead> ReadAsync(LogQueryRequest query, CancellationToken cancellationToken)
    {
        if (LogRules.Validate(query) is { } invalid)
        {
            throw new HostProviderException(invalid);
        }

        if (!HasJournalFiles())
        {
            throw new HostProviderException($"journald is not available on this host: no journal files in {string.Join(" or ", JournalDirectories)}");
        }

        var lines = query.Lines ?? LogRules.DefaultLines;
        var arguments = new List<string> { "--output=json", "--no-pager", "--quiet", "-n", (lines + 1).ToString(CultureInfo.InvariantCulture) };
        Add(arguments, "--unit", query.Unit);
        Add(arguments, "--since", query.Since);
        Add(arguments, "--until", query.Until);
        Add(arguments, "--priority", query.Priority);
        Add(arguments, "--grep", query.Grep);

        CommandResult result;
        try
        {
            result = await runner.RunAsync("journalctl", arguments, cancellationToken);
        }
        catch (HostProviderException e) when (e.Message.StartsWith("cannot run", StringComparison.Ordinal))
        {
            throw new HostProviderException($"journald is not available on this host: {e.Message}", e);
        }

        // With --grep, journalctl exits 1 without a word when nothing matched.
        var nothingMatched = result.ExitCode == 1 && query.Grep is not null && result.StandardOutput.Length == 0 && result.StandardError.Trim().Length == 0;
        if (!result.Succeeded && !nothingMatched)
        {
            throw new HostProviderException($"journalctl failed: {result.Reason}");
        }

        return Newest(JournalOutput.Entries(result.StandardOutput), lines);
    }

    private static void Add(List<string> arguments, string option, string? value)
    {
        if (value is not null)
        {
            arguments.Add($"{option}={value}");
        }
    }

    private static JournalRead Newest(IReadOnlyList<LogEntry> entries, int lines)
    {
        var kept = new List<LogEntry>();
        var bytes = 0;
        for (var i = entries.Count - 1; i >= 0 && kept.Count < lines; i--)
        {
            bytes += Encoding.UTF8.GetByteCount(entries[i].Message ?? "");
            if (bytes > MaxMessageBytes && kept.Count > 0)
            {
                break;
            }

            kept.Add(entries[i]);
        }

        kept.Reverse();
        return new JournalRead(kept, kept.Count < entries.Count);
    }

    private bool HasJournalFiles() =>
        JournalDirectories.Select(root.Resolve).Any(directory =>
        {
            try
            {
                return Directory.Exists(directory)
                    && Directory.EnumerateFiles(directory, "*.journal*", SearchOption.AllDirectories).Any();
            }
            catch (UnauthorizedAccessException)
            {
                return true; // there is a journal this user cannot list; journalctl says what it can read
            }
        });
}
