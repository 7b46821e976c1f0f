using HostOps.Contracts.Operations.Time;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Time;

/// <summary>
/// Reads and sets the time zone: through <c>timedatectl</c> where systemd runs, else the <c>/etc/localtime</c> link
/// into /usr/share/zoneinfo (replaced by a rename, never missing) and <c>/etc/timezone</c> where the host has one
/// (Debian). A zone the host's zoneinfo database does not hold (a TZif file) is refused before anything runs. Setting
/// the zone it has changes nothing; a dry run writes nothing; a change needs <see cref="HostChangeGuard"/>.
/// </summary>
[HostProvider]
public sealed class TimeZoneProvider(HostRoot root, ICommandRunner runner, HostChangeGuard guard)
{
    private const string ZoneInfo = "/usr/share/zoneinfo/";
    private const string LocalTime = "/etc/localtime";
    private const string TimezoneFile = "/etc/timezone";

    private bool HasSystemd => Directory.Exists(root.Resolve("/run/systemd/system"));

    public async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        if (HasSystemd)
        {
            return (await TimedatectlAsync(["show", "--property=Timezone", "--value"], cancellationToken)).Trim();
        }

        var link = new FileInfo(root.Resolve(LocalTime)).LinkTarget;
        var at = link?.IndexOf("zoneinfo/", StringComparison.Ordinal) ?? -1;
        if (at >= 0)
        {
            return link![(at + "zoneinfo/".Length)..];
        }

        return HostFile.ReadIfExists(root, TimezoneFile)?.Trim() is { Length: > 0 } zone ? zone : "UTC";
    }

    public async Task<TimezoneChange> SetAsync(string zone, bool dryRun, CancellationToken cancellationToken)
    {
        EnsureKnown(zone);
        var previous = await ReadAsync(cancellationToken);
        var stale = !HasSystemd && HostFile.ReadIfExists(root, TimezoneFile) is { } text && text.Trim() != zone;
        if ((previous == zone && !stale) || dryRun)
        {
            return new TimezoneChange(previous, dryRun ? zone : previous, previous != zone || stale);
        }

        guard.EnsureAllowed($"setting the time zone to {zone}");
        if (HasSystemd)
        {
            await TimedatectlAsync(["set-timezone", "--", zone], cancellationToken);
        }
        else
        {
            Link(zone);
            if (File.Exists(root.Resolve(TimezoneFile)))
            {
                HostFile.WriteAtomically(root, TimezoneFile, zone + "\n", HostFile.Readable);
            }
        }

        return new TimezoneChange(previous, await ReadAsync(cancellationToken), true);
    }

    private void EnsureKnown(string zone)
    {
        var file = root.Resolve(ZoneInfo + zone);
        var known = false;
        if (TimeRules.Zone("zone", zone) is null && File.Exists(file))
        {
            using var stream = File.OpenRead(file);
            var magic = new byte[4];
            known = stream.Read(magic) == 4 && magic.AsSpan().SequenceEqual("TZif"u8);
        }

        if (!known)
        {
            throw new HostProviderException($"zone: '{zone}' is not in this host's zoneinfo database ({ZoneInfo})");
        }
    }

    // A new link beside /etc/localtime, renamed over it: the link is never missing.
    private void Link(string zone)
    {
        var target = root.Resolve(LocalTime);
        var temporary = target + ".hostops-" + Environment.ProcessId;
        try
        {
            File.Delete(temporary);
            File.CreateSymbolicLink(temporary, ZoneInfo + zone);
            DurableFile.Replace(temporary, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostProviderException($"{LocalTime} cannot be linked to {ZoneInfo}{zone}: {e.Message}", e);
        }
    }

    private async Task<string> TimedatectlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync("timedatectl", arguments, cancellationToken);
        return result.Succeeded ? result.StandardOutput : throw new HostProviderException($"timedatectl {arguments[0]} failed: {result.Reason}");
    }
}

/// <summary>The zone before and after a set (the wanted one after a dry run); <paramref name="Changed"/> is false when it already was the zone.</summary>
public sealed record TimezoneChange(string Previous, string Zone, bool Changed);
