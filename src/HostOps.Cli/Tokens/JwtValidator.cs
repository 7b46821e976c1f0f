using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HostOps.Contracts.Security;

namespace HostOps.Cli.Tokens;

/// <summary>
/// Checks a HostOps token the way api.md says the API does: HS256 only, signature with the configured key,
/// <c>exp</c> required, 30 s clock skew. Hand-written (a JWT is three base64url parts and one MAC) so the
/// native client executable needs no identity library; the tests hold it to the API's validator.
/// </summary>
public sealed class JwtValidator(string signingKey, TimeProvider timeProvider)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The token's grants, or <see cref="InvalidTokenException"/> saying why it is refused.</summary>
    public TokenInfo Validate(string token)
    {
        var parts = token.Trim().Split('.');
        if (parts.Length != 3)
        {
            throw new InvalidTokenException("not a JWT (expected three dot-separated parts)");
        }

        using var header = Parse(parts[0], "header");
        if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "HS256")
        {
            throw new InvalidTokenException($"algorithm {(alg.ValueKind == JsonValueKind.String ? alg.GetString() : "(none)")} is not accepted (only HS256)");
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!TryDecode(parts[2], out var signature) || !CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            throw new InvalidTokenException("signature does not match the signing key");
        }

        using var payload = Parse(parts[1], "payload");
        var claims = payload.RootElement;
        var now = timeProvider.GetUtcNow();
        var expires = Time(claims, "exp") ?? throw new InvalidTokenException("no exp claim (tokens must expire)");
        if (expires + ClockSkew < now)
        {
            throw new InvalidTokenException($"expired at {expires.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
        }

        if (Time(claims, "nbf") is { } notBefore && notBefore - ClockSkew > now)
        {
            throw new InvalidTokenException($"not valid before {notBefore.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
        }

        var issuer = Strings(claims, "iss");
        if (!issuer.SequenceEqual([TokenAudiences.Issuer]))
        {
            throw new InvalidTokenException($"not issued by HostOps (iss {(issuer.Count == 0 ? "missing" : string.Join(",", issuer))})");
        }

        var audience = Strings(claims, "aud");
        if (!audience.Contains(TokenAudiences.Api))
        {
            throw new InvalidTokenException($"not a bearer token for the API (aud {(audience.Count == 0 ? "missing" : string.Join(",", audience))}, needs {TokenAudiences.Api})");
        }

        var roles = Strings(claims, "roles");
        var scopes = Strings(claims, "scopes");
        var subject = claims.TryGetProperty("sub", out var sub) && sub.ValueKind == JsonValueKind.String ? sub.GetString()! : "";
        return new TokenInfo(subject, roles, scopes.Count > 0 ? scopes : Scopes.FromRoles(roles), scopes.Count > 0, Time(claims, "iat"), expires);
    }

    private static JsonDocument Parse(string part, string name)
    {
        try
        {
            return TryDecode(part, out var bytes) ? JsonDocument.Parse(bytes) : throw new InvalidTokenException($"{name} is not base64url");
        }
        catch (JsonException)
        {
            throw new InvalidTokenException($"{name} is not JSON");
        }
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(part.Length)];
        if (Base64Url.DecodeFromChars(part, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }

    private static DateTimeOffset? Time(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>A claim that is an array of strings, or one string (as some issuers write a single role).</summary>
    private static List<string> Strings(JsonElement claims, string name) =>
        !claims.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
        : [];
}
