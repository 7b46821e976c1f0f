namespace HostOps.Contracts.Security;

/// <summary>
/// What a token says: who, which roles, optional explicit scopes (empty: none), how long it lives, and for whom it
/// is meant (<see cref="TokenAudiences"/>): a bearer token for the API, or the secret of a join token, which carries
/// the labels it grants.
/// </summary>
public sealed record TokenRequest(
    string Subject,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    TimeSpan Lifetime,
    string Audience = TokenAudiences.Api,
    IReadOnlyDictionary<string, string>? Labels = null);

/// <summary>The <c>iss</c> of every HostOps token and the <c>aud</c> values it may carry.</summary>
public static class TokenAudiences
{
    public const string Issuer = "hostops";

    /// <summary>Bearer tokens: the only audience the API accepts on its endpoints.</summary>
    public const string Api = "hostops-api";

    /// <summary>The secret of a join token: accepted only by <c>POST /agent/enroll</c>, once.</summary>
    public const string Join = "hostops-join";

    /// <summary>The secret of a server join token: accepted only by <c>POST /cluster/join</c>, once.</summary>
    public const string ServerJoin = "hostops-server-join";
}
