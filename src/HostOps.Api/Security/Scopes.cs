namespace HostOps.Api.Security;

/// <summary>
/// The scopes endpoints require, and how roles map to them: <c>admin</c> → read, write, admin;
/// <c>write</c> → read, write; <c>read</c> → read. An explicit <c>scopes</c> claim is used as-is instead.
/// </summary>
public static class Scopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    /// <summary>The claim type the API checks; filled from the token on validation, never taken from it.</summary>
    public const string ClaimType = "hostops:scope";

    public static IReadOnlyList<string> Roles { get; } = [Admin, Write, Read];

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
