namespace HostOps.Contracts.Security;

/// <summary>
/// The roles and scopes of api.md, shared by the API (which checks them) and the CLI (which issues and shows them):
/// <c>admin</c> → read, write, admin; <c>write</c> → read, write; <c>read</c> → read. An explicit <c>scopes</c>
/// claim is used as-is instead.
/// </summary>
public static class Scopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    /// <summary>The roles a token may carry; each is also the name of a scope.</summary>
    public static IReadOnlyList<string> Roles { get; } = [Admin, Write, Read];

    /// <summary>The scopes the roles imply, sorted ordinally; unknown roles imply nothing.</summary>
    public static IReadOnlyList<string> FromRoles(IEnumerable<string> roles)
    {
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            switch (role)
            {
                case Admin:
                    scopes.UnionWith([Read, Write, Admin]);
                    break;
                case Write:
                    scopes.UnionWith([Read, Write]);
                    break;
                case Read:
                    scopes.Add(Read);
                    break;
                default:
                    break;
            }
        }

        return [.. scopes];
    }
}
