using HostOps.Contracts.Operations.Users;

namespace HostOps.Providers.Users;

/// <summary>
/// A user's <c>~/.ssh/authorized_keys</c> (the home from <c>/etc/passwd</c>, through <see cref="HostRoot"/>): its keys
/// listed with their fingerprints, a key added (unchanged when a key with the same data is there), keys removed by
/// fingerprint. The file is written whole, atomically (a temporary file in <c>~/.ssh</c>, then a rename), mode 0600
/// in a <c>~/.ssh</c> of mode 0700, both owned by the user. Lines that are not keys (comments, keys of other types)
/// are kept as they are. A <c>~/.ssh</c> or file that is a symbolic link is refused: the agent, as root, must not
/// follow a user's link elsewhere.
/// </summary>
[HostProvider]
public sealed class AuthorizedKeys(HostRoot root, AccountDatabase accounts, HostChangeGuard guard)
{
    public const string SshDirectory = ".ssh";
    public const string FileName = "authorized_keys";

    public IReadOnlyList<SshKey> List(string user)
    {
        var (_, lines) = Read(accounts.ExistingUser(user));
        return [.. lines.Select(Parse).OfType<SshPublicKey>().Select(k => k.Describe())];
    }

    /// <summary>Adds <paramref name="line"/> (a key without options); a key with the same data already there is unchanged.</summary>
    public SshKeyChange Add(string user, string line, bool dryRun)
    {
        var key = SshPublicKey.Parse(line, allowOptions: false, out var error) ?? throw new HostProviderException($"key: {error}");
        var account = accounts.ExistingUser(user);
        var (path, lines) = Read(account);
        var existing = lines.Select(Parse).OfType<SshPublicKey>().FirstOrDefault(k => k.Blob == key.Blob);
        if (existing is not null)
        {
            return new SshKeyChange(existing.Describe(), false);
        }

        if (!dryRun)
        {
            guard.EnsureAllowed($"adding an SSH key for {user}");
            Write(account, path, [.. lines, key.Line]);
        }

        return new SshKeyChange(key.Describe(), true);
    }

    /// <summary>Removes every key whose fingerprint is <paramref name="fingerprint"/> (any form <see cref="SshPublicKey.NormalizeFingerprint"/> takes).</summary>
    public SshKeyChange Remove(string user, string fingerprint, bool dryRun)
    {
        var wanted = SshPublicKey.NormalizeFingerprint(fingerprint) ?? throw new HostProviderException($"fingerprint: '{fingerprint}' is not a SHA256 fingerprint");
        var account = accounts.ExistingUser(user);
        var (path, lines) = Read(account);
        var removed = lines.Select(Parse).OfType<SshPublicKey>().FirstOrDefault(k => k.Fingerprint == wanted);
        if (removed is null)
        {
            return new SshKeyChange(null, false);
        }

        if (!dryRun)
        {
            guard.EnsureAllowed($"removing an SSH key of {user}");
            Write(account, path, [.. lines.Where(l => Parse(l)?.Fingerprint != wanted)]);
        }

        return new SshKeyChange(removed.Describe(), true);
    }

    private static SshPublicKey? Parse(string line) =>
        line.TrimStart().StartsWith('#') ? null : SshPublicKey.Parse(line, allowOptions: true, out _);

    private (string Path, List<string> Lines) Read(UserAccount account)
    {
        var directory = root.Resolve(Path.Join(account.Home, SshDirectory));
        var path = Path.Join(directory, FileName);
        RefuseLink(directory);
        RefuseLink(path);
        if (!File.Exists(path))
        {
            return (path, []);
        }

        try
        {
            return (path, [.. File.ReadAllLines(path).Where(l => l.Trim().Length > 0)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostProviderException($"{Shown(account, FileName)} cannot be read: {e.Message}", e);
        }
    }

    private static void Write(UserAccount account, string path, IReadOnlyList<string> lines)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new HostProviderException("authorized_keys are managed on Linux hosts only");
        }

        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(Path.GetDirectoryName(directory)))
        {
            throw new HostProviderException($"the home directory {account.Home} of {account.Name} does not exist");
        }

        var uid = account.Uid ?? 0;
        var gid = account.Gid ?? 0;
        var temp = Path.Join(directory, $".{FileName}.hostops-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(directory);
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            FileOwner.Set(directory, uid, gid);
            DurableFile.WriteAllText(temp, lines.Count == 0 ? "" : string.Join('\n', lines) + "\n");
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            FileOwner.Set(temp, uid, gid);
            DurableFile.Replace(temp, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new HostProviderException($"{Shown(account, FileName)} cannot be written: {e.Message}", e);
        }
        catch (HostProviderException)
        {
            File.Delete(temp);
            throw;
        }
    }

    private static void RefuseLink(string path)
    {
        if (new FileInfo(path).LinkTarget is not null)
        {
            throw new HostProviderException($"{path} is a symbolic link; HostOps does not write through links in a user's home");
        }
    }

    private static string Shown(UserAccount account, string name) => $"{account.Home.TrimEnd('/')}/{SshDirectory}/{name}";
}

/// <summary>The key added or removed (null when there was none to remove); <paramref name="Changed"/> is false when nothing was to do.</summary>
public sealed record SshKeyChange(SshKey? Key, bool Changed);
