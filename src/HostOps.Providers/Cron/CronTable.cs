using HostOps.Contracts.Operations.Cron;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Cron;

/// <summary>
/// HostOps' cron entries: one file per entry, <c>/etc/cron.d/hostops-NAME</c>, mode 0644 and owned by the agent's
/// user (root), replaced whole (cron never reads half a file) and picked up by cron without a reload. A set that
/// finds the same entry changes nothing; the user must exist (<c>getent passwd</c>, so directory users count). A dry
/// run answers the same and writes nothing; a change needs <see cref="HostChangeGuard"/>. Files in /etc/cron.d that
/// HostOps did not write are never read or touched.
/// </summary>
[HostProvider]
public sealed class CronTable(HostRoot root, ICommandRunner runner, HostChangeGuard guard)
{
    public IReadOnlyList<CronEntry> List()
    {
        var directory = root.Resolve(CronFile.Directory);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(directory, CronRules.FilePrefix + "*")
            .Select(f => Path.GetFileName(f)[CronRules.FilePrefix.Length..])
            .Where(name => CronRules.Name("name", name) is null)
            .Select(Find)
            .OfType<CronEntry>()
            .OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    /// <summary>The entry named <paramref name="name"/>; a missing one is refused.</summary>
    public CronEntry Read(string name) =>
        Find(name) ?? throw new HostProviderException($"{name}: no HostOps cron entry of that name ({CronFile.PathOf(name)} does not exist)");

    public async Task<CronChange> SetAsync(CronEntry wanted, bool dryRun, CancellationToken cancellationToken)
    {
        var entry = wanted with { Schedule = CronRules.Normalize(wanted.Schedule!), Command = wanted.Command!.Trim() };
        await EnsureUserAsync(entry.User!, cancellationToken);
        if (Find(entry.Name) == entry)
        {
            return new CronChange(entry, false);
        }

        if (!dryRun)
        {
            guard.EnsureAllowed($"writing {CronFile.PathOf(entry.Name)}");
            HostFile.WriteAtomically(root, CronFile.PathOf(entry.Name), CronFile.Render(entry), HostFile.Readable);
        }

        return new CronChange(entry, true);
    }

    public CronChange Delete(string name, bool dryRun)
    {
        var exists = File.Exists(root.Resolve(CronFile.PathOf(name)));
        if (exists && !dryRun)
        {
            guard.EnsureAllowed($"removing {CronFile.PathOf(name)}");
            HostFile.Delete(root, CronFile.PathOf(name));
        }

        return new CronChange(new CronEntry { Name = name }, exists);
    }

    private CronEntry? Find(string name) =>
        HostFile.ReadIfExists(root, CronFile.PathOf(name)) is { } text ? CronFile.Parse(name, text) : null;

    private async Task EnsureUserAsync(string user, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync("getent", ["passwd", "--", user], cancellationToken);
        if (result.ExitCode == 2)
        {
            throw new HostProviderException($"user: '{user}' does not exist on this host");
        }

        if (!result.Succeeded)
        {
            throw new HostProviderException($"getent passwd {user} failed: {result.Reason}");
        }
    }
}

/// <summary>An entry after a change (or as it would be after a dry run); <paramref name="Changed"/> is false when nothing needed doing.</summary>
public sealed record CronChange(CronEntry Entry, bool Changed);
