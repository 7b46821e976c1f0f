namespace HostOps.Cli.Tokens;

/// <summary>What a valid token grants: scopes are the explicit <c>scopes</c> claim, else those its roles imply.</summary>
public sealed record TokenInfo(
    string Subject,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    bool ExplicitScopes,
    DateTimeOffset? IssuedAt,
    DateTimeOffset ExpiresAt);
