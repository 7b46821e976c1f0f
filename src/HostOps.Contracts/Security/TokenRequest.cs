namespace HostOps.Contracts.Security;

/// <summary>What a bearer token says: who, which roles, optional explicit scopes (empty: none), how long it lives.</summary>
public sealed record TokenRequest(string Subject, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes, TimeSpan Lifetime);
