using System.Security.Claims;
using HostOps.Contracts.Security;

namespace HostOps.Api.Security;

/// <summary>Derives the scope claims of a validated token: its explicit <c>scopes</c> as-is, else those its roles imply.</summary>
internal static class ScopeClaims
{
    /// <summary>The claim type the API checks; filled from the token on validation, never taken from it.</summary>
    public const string ClaimType = "hostops:scope";

    public static void Apply(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        foreach (var stale in identity.FindAll(ClaimType).ToList())
        {
            identity.RemoveClaim(stale);
        }

        // A scopes claim may arrive as a JSON array (one claim per item) or as one space-separated string.
        var explicitScopes = identity.FindAll(TokenClaims.Scopes)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var scopes = explicitScopes.Count > 0
            ? explicitScopes
            : Scopes.FromRoles(identity.FindAll(TokenClaims.Roles).Select(c => c.Value));
        foreach (var scope in scopes)
        {
            identity.AddClaim(new Claim(ClaimType, scope));
        }
    }

    public static bool Has(ClaimsPrincipal user, string scope) => user.HasClaim(ClaimType, scope);
}
