using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HostOps.Cli.Tokens;

/// <summary>
/// Signs HS256 JWTs with claims <c>sub</c>, <c>iat</c>, <c>exp</c>, <c>roles</c> and optional <c>scopes</c>, keyed by
/// the UTF-8 bytes of <c>api.server.security.signing_key</c> (as the API validates them). Written on
/// HMACSHA256 directly because a JWT is three base64url parts and one MAC; a stop-gap until the API's own
/// token issuer can be shared.
/// </summary>
public sealed class JwtIssuer(string signingKey, TimeProvider timeProvider)
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    public string Issue(TokenRequest request)
    {
        var now = timeProvider.GetUtcNow();
        using var payload = new MemoryStream();
        using (var json = new Utf8JsonWriter(payload))
        {
            json.WriteStartObject();
            json.WriteString("sub", request.Subject);
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", now.Add(request.Lifetime).ToUnixTimeSeconds());
            WriteArray(json, "roles", request.Roles);
            if (request.Scopes.Count > 0)
            {
                WriteArray(json, "scopes", request.Scopes);
            }

            json.WriteEndObject();
        }

        var signed = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(payload.ToArray());
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(signed));
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>A fresh signing key: base64 of 48 random bytes (64 characters, well over the 32-byte minimum).</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
