using HostOps.Contracts.Operations.Sysctl;

namespace HostOps.Providers.Sysctl;

/// <summary>
/// Reads kernel parameters as <c>sysctl</c> does, from the files under <c>/proc/sys</c> (a key's dots are the path's
/// slashes), and the values HostOps persisted in <see cref="SysctlOperations.PersistedFile"/>. Write-only entries
/// (<c>vm.compact_memory</c>) and those the kernel refuses to show are left out of the list. The whitespace between
/// the numbers of a vector (<c>32768\t60999</c>) is shown as one space, as the value is written back.
/// </summary>
[HostProvider]
public sealed class SysctlReader(HostRoot root)
{
    private const string ProcSys = "/proc/sys";

    public IReadOnlyList<SysctlParameter> List(string? prefix)
    {
        var directory = root.Resolve(ProcSys);
        if (!Directory.Exists(directory))
        {
            throw new HostProviderException($"{ProcSys} does not exist on this host");
        }

        var persisted = Persisted();
        var parameters = new List<SysctlParameter>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            var key = KeyOf(Path.GetRelativePath(directory, file));
            if ((prefix is null || key == prefix || key.StartsWith(prefix + ".", StringComparison.Ordinal)) && TryRead(file) is { } value)
            {
                parameters.Add(new SysctlParameter { Key = key, Value = value, Persisted = persisted.GetValueOrDefault(key) });
            }
        }

        return [.. parameters.OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    /// <summary>One key's running and persisted values; a key the kernel does not have is refused.</summary>
    public SysctlParameter Read(string key)
    {
        var path = SysctlRules.ProcPath(key);
        var file = root.Resolve(path);
        if (!File.Exists(file))
        {
            throw new HostProviderException($"{key}: no such kernel parameter on this host ({path} does not exist)");
        }

        var value = TryRead(file) ?? throw new HostProviderException($"{key}: cannot be read (it is write-only or the kernel refuses to show it)");
        return new SysctlParameter { Key = key, Value = value, Persisted = Persisted().GetValueOrDefault(key) };
    }

    /// <summary>The entries of HostOps' file, by key (the last one wins, as at boot).</summary>
    public IReadOnlyDictionary<string, string> Persisted() =>
        SysctlConfFile.Entries(HostFile.ReadIfExists(root, SysctlOperations.PersistedFile) ?? "");

    /// <summary>A value as it is compared and shown: trimmed, each run of spaces or tabs one space.</summary>
    public static string Normalize(string value) =>
        string.Join(' ', value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static string? TryRead(string file)
    {
        try
        {
            return !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & (UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead)) == 0
                ? null
                : Normalize(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // "net/ipv4/conf/eth0.100/forwarding" → "net.ipv4.conf.eth0/100.forwarding", as sysctl names it.
    private static string KeyOf(string relativePath) =>
        string.Join('.', relativePath.Split('/').Select(segment => segment.Replace('.', '/')));
}
