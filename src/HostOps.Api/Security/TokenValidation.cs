using HostOps.Contracts.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HostOps.Api.Security;

/// <summary>
/// The one definition of what a valid token is, used by the API's bearer handler and <c>hostops token validate</c>.
/// The framework defaults accept any algorithm the key fits and five minutes of clock skew; both are narrowed here.
/// </summary>
public static class TokenValidation
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static TokenValidationParameters CreateParameters(string signingKey, string audience = TokenAudiences.Api) => new()
    {
        IssuerSigningKey = SigningKey.Create(signingKey),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ValidateIssuer = true,
        ValidIssuer = TokenAudiences.Issuer,
        ValidateAudience = true,
        ValidAudience = audience,
        ClockSkew = ClockSkew,
        NameClaimType = TokenClaims.Subject,
        RoleClaimType = TokenClaims.Roles,
    };

    /// <summary>Validates outside the web pipeline (the CLI); the result carries the claims or the exception.</summary>
    public static Task<TokenValidationResult> ValidateAsync(string token, string signingKey, string audience = TokenAudiences.Api) =>
        new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, CreateParameters(signingKey, audience));

    /// <summary>A short, token-free reason for a failed validation, safe to put in a response.</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "Bearer token expired",
        SecurityTokenNotYetValidException => "Bearer token is not valid yet",
        SecurityTokenNoExpirationException => "Bearer token has no expiry (exp)",
        SecurityTokenInvalidAlgorithmException => "Bearer token algorithm is not allowed (HS256 only)",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "Bearer token signature is invalid",
        SecurityTokenMalformedException or ArgumentException => "Bearer token is malformed",
        SecurityTokenInvalidAudienceException => "Bearer token is not meant for this API (aud)",
        SecurityTokenInvalidIssuerException => "Bearer token was not issued by HostOps (iss)",
        _ => "Bearer token is invalid",
    };
}
