using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HostOps.Contracts.Security;

/// <summary>
/// Makes the HS256 tokens the API accepts: <c>iss</c> (hostops), <c>aud</c> (<see cref="TokenAudiences"/>), a random
/// <c>jti</c>, <c>sub</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c>, a <c>roles</c> array
/// and, when given, a <c>scopes</c> array that replaces the scopes the roles would imply; keyed by the UTF-8 bytes of
/// <c>api.server.security.signing_key</c>. Written on HMACSHA256 directly (a JWT is three base64url parts and one
/// MAC) so the native AOT client executable needs no identity library; the one issuer of the API, CLI and tests.
/// </summary>
public sealed class JwtIssuer
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    /// <summary>Throws <see cref="ArgumentException"/> naming <c>api.server.security.signing_key</c> when the key is too short.</summary>
    public JwtIssuer(string signingKey, TimeProvider? timeProvider = null)
    {
        if (SigningKeys.Problem(signingKey) is { } problem)
        {
            throw new ArgumentException(problem, nameof(signingKey));
        }

        _key = Encoding.UTF8.GetBytes(signingKey);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the input for an empty subject, an unknown role or scope, or a lifetime not above zero.</summary>
    public string Issue(TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Subject, "subject");
        if (request.Lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ttl: {request.Lifetime} must be greater than zero", nameof(request));
        }

        RequireKnown(request.Roles, "role");
        RequireKnown(request.Scopes, "scope");

        var now = _timeProvider.GetUtcNow();
        using var payload = new MemoryStream();
        using (var json = new Utf8JsonWriter(payload))
        {
            json.WriteStartObject();
            json.WriteString("iss", TokenAudiences.Issuer);
            json.WriteString("aud", request.Audience);
            json.WriteString("jti", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            json.WriteString("sub", request.Subject);
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("nbf", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", now.Add(request.Lifetime).ToUnixTimeSeconds());
            WriteArray(json, "roles", request.Roles);
            if (request.Scopes.Count > 0)
            {
                WriteArray(json, "scopes", request.Scopes);
            }

            if (request.Labels is { Count: > 0 } labels)
            {
                json.WriteStartObject("labels");
                foreach (var (key, value) in labels)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        var signed = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(payload.ToArray());
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed));
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    private static void RequireKnown(IEnumerable<string> values, string what)
    {
        foreach (var value in values)
        {
            if (!Scopes.Roles.Contains(value))
            {
                throw new ArgumentException($"{what}: '{value}' is not one of {string.Join(", ", Scopes.Roles)}", what);
            }
        }
    }

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
