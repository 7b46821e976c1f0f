using HostOps.Contracts.Operations.Sysctl;

namespace HostOps.Providers.Sysctl;

/// <summary>
/// Sets a kernel parameter by writing its file under <c>/proc/sys</c> (what <c>sysctl -w</c> does), and with persist
/// its line in <see cref="SysctlOperations.PersistedFile"/> (rewritten whole, other lines kept), which
/// systemd-sysctl or procps applies at boot. Nothing is written when the values already match (<c>changed: false</c>)
/// or on a dry run; a change needs <see cref="HostChangeGuard"/>. The running value is written first, so a value the
/// kernel refuses is never persisted.
/// </summary>
[HostProvider]
public sealed class SysctlSetter(HostRoot root, HostChangeGuard guard, SysctlReader reader)
{
    public SysctlChange Set(string key, string value, bool persist, bool dryRun)
    {
        var before = reader.Read(key);
        var wanted = SysctlReader.Normalize(value);
        var runtime = before.Value != wanted;
        var persisting = persist && before.Persisted != wanted;
        if (!runtime && !persisting)
        {
            return new SysctlChange(before, false);
        }

        if (dryRun)
        {
            return new SysctlChange(before with { Value = wanted, Persisted = persist ? wanted : before.Persisted }, true);
        }

        guard.EnsureAllowed($"setting {key} to {wanted}");
        if (runtime)
        {
            WriteRuntime(key, wanted);
        }

        if (persisting)
        {
            Persist(text => SysctlConfFile.With(text, key, wanted));
        }

        return new SysctlChange(reader.Read(key), true);
    }

    /// <summary>Removes the key's persisted line; the running value stays until the next boot.</summary>
    public SysctlChange RemovePersisted(string key, bool dryRun)
    {
        var before = reader.Read(key);
        if (before.Persisted is null)
        {
            return new SysctlChange(before, false);
        }

        if (!dryRun)
        {
            guard.EnsureAllowed($"removing {key} from {SysctlOperations.PersistedFile}");
            Persist(text => SysctlConfFile.Without(text, key));
        }

        return new SysctlChange(before with { Persisted = null }, true);
    }

    private void WriteRuntime(string key, string value)
    {
        var path = SysctlRules.ProcPath(key);
        try
        {
            File.WriteAllText(root.Resolve(path), value + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostProviderException($"{key}: the kernel refused '{value}' ({e.Message})", e);
        }
    }

    private void Persist(Func<string, string> edit)
    {
        var text = HostFile.ReadIfExists(root, SysctlOperations.PersistedFile) ?? "";
        HostFile.WriteAtomically(root, SysctlOperations.PersistedFile, edit(text), HostFile.Readable);
    }
}

/// <summary>A parameter after a change (or as it would be after a dry run); <paramref name="Changed"/> is false when nothing needed doing.</summary>
public sealed record SysctlChange(SysctlParameter Parameter, bool Changed);
