namespace HostOps.Cli.Tokens;

/// <summary>What a bearer token says: who, which roles, optional explicit scopes, how long it lives.</summary>
public sealed record TokenRequest(string Subject, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes, TimeSpan Lifetime);
