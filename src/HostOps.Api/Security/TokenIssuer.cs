using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HostOps.Api.Security;

/// <summary>
/// Makes HS256 bearer tokens the API accepts: <c>sub</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c>, a <c>roles</c> array and,
/// when given, a <c>scopes</c> array that replaces the scopes the roles would imply. Shared by the CLI's
/// <c>hostops token generate</c>, <c>hostops start</c> and the tests.
/// </summary>
public sealed class TokenIssuer
{
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _timeProvider;

    /// <summary>Throws <see cref="ArgumentException"/> naming <c>api.server.security.signing_key</c> when the key is too short.</summary>
    public TokenIssuer(string signingKey, TimeProvider? timeProvider = null)
    {
        _credentials = new SigningCredentials(SigningKey.Create(signingKey), SecurityAlgorithms.HmacSha256);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public string Issue(string subject, IReadOnlyCollection<string> roles, IReadOnlyCollection<string>? scopes, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ttl: {ttl} must be greater than zero", nameof(ttl));
        }

        RequireKnown(roles, Scopes.Roles, "role");
        RequireKnown(scopes ?? [], Scopes.Roles, "scope");

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [TokenClaims.Subject] = subject,
            [TokenClaims.Roles] = roles.ToArray(),
        };
        if (scopes is { Count: > 0 })
        {
            claims[TokenClaims.Scopes] = scopes.ToArray();
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + ttl,
            SigningCredentials = _credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static void RequireKnown(IEnumerable<string> values, IReadOnlyList<string> known, string what)
    {
        foreach (var value in values)
        {
            if (!known.Contains(value))
            {
                throw new ArgumentException($"{what}: '{value}' is not one of {string.Join(", ", known)}", what);
            }
        }
    }
}
