using HostOps.Contracts.Operations.Users;

namespace HostOps.Providers.Users;

/// <summary>
/// Reads the local accounts from <c>/etc/passwd</c>, <c>/etc/group</c> and <c>/etc/shadow</c> (through
/// <see cref="HostRoot"/>). A user's <c>locked</c> comes from its shadow hash starting with <c>!</c>; it is null when
/// the agent cannot read <c>/etc/shadow</c> (not root). Accounts of NSS sources other than files (LDAP, sssd) are
/// not listed: HostOps manages local accounts.
/// </summary>
[HostProvider]
public sealed class AccountDatabase(HostRoot root)
{
    public const string PasswdPath = "/etc/passwd";
    public const string GroupPath = "/etc/group";
    public const string ShadowPath = "/etc/shadow";

    public IReadOnlyList<UserAccount> Users()
    {
        var groups = Groups();
        var shadow = Shadow();
        return [.. Records(PasswdPath, 7).Select(f => Account(f, groups, shadow))];
    }

    public UserAccount? User(string name) => Users().FirstOrDefault(u => u.Name == name);

    /// <summary>The user <paramref name="name"/>; refused when the host has none.</summary>
    public UserAccount ExistingUser(string name) =>
        User(name) ?? throw new HostProviderException($"user '{name}' does not exist on this host");

    public IReadOnlyList<AccountGroup> Groups() =>
        [.. Records(GroupPath, 4).Select(f => new AccountGroup
        {
            Name = f[0],
            Gid = Id(GroupPath, f[2]),
            Members = f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        })];

    public AccountGroup? Group(string name) => Groups().FirstOrDefault(g => g.Name == name);

    public AccountGroup ExistingGroup(string name) =>
        Group(name) ?? throw new HostProviderException($"group '{name}' does not exist on this host");

    /// <summary>The password field of <paramref name="name"/> in <c>/etc/shadow</c>; null when unreadable or absent.</summary>
    public string? PasswordHash(string name) => Shadow()?.GetValueOrDefault(name);

    private static UserAccount Account(string[] f, IReadOnlyList<AccountGroup> groups, Dictionary<string, string>? shadow)
    {
        var gid = Id(PasswdPath, f[3]);
        return new UserAccount
        {
            Name = f[0],
            Uid = Id(PasswdPath, f[2]),
            Gid = gid,
            Group = groups.FirstOrDefault(g => g.Gid == gid)?.Name,
            Groups = [.. groups.Where(g => g.Members.Contains(f[0])).Select(g => g.Name)],
            Comment = f[4],
            Home = f[5],
            Shell = f[6],
            Locked = shadow is null ? null : shadow.GetValueOrDefault(f[0])?.StartsWith('!') ?? false,
        };
    }

    private Dictionary<string, string>? Shadow()
    {
        try
        {
            return Records(ShadowPath, 2).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        }
        catch (HostProviderException)
        {
            return null;
        }
    }

    // The colon-separated records of a file, comments and blank lines left out; a record with too few fields is refused.
    private IEnumerable<string[]> Records(string path, int fields) =>
        HostFile.ReadLines(root, path)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(':'))
            .Select(f => f.Length >= fields ? f : throw HostFile.Unexpected(path, string.Join(':', f)));

    private static int Id(string path, string text) =>
        int.TryParse(text, out var id) ? id : throw HostFile.Unexpected(path, $"id '{text}'");
}
