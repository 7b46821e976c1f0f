namespace HostOps.Cli.Tokens;

/// <summary>The roles and scopes of api.md: admin → read, write, admin; write → read, write; read → read.</summary>
public static class TokenRoles
{
    public static IReadOnlyList<string> Known { get; } = ["admin", "write", "read"];

    public static IReadOnlyList<string> ScopesOf(IEnumerable<string> roles)
    {
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            scopes.UnionWith(role switch
            {
                "admin" => ["read", "write", "admin"],
                "write" => ["read", "write"],
                "read" => ["read"],
                _ => [],
            });
        }

        return [.. scopes];
    }
}
