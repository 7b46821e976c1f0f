using System.Security.Cryptography;
using System.Text;

namespace HostOps.Contracts.Security;

/// <summary>
/// The rule for <c>api.server.security.signing_key</c>: HMAC-SHA256 needs 256 bits of key to give its full
/// strength, so anything shorter is refused instead of silently accepted, by the issuer and by the API.
/// </summary>
public static class SigningKeys
{
    public const int MinimumBytes = 32;

    /// <summary>The one-line reason the key cannot be used, or null when it is fine.</summary>
    public static string? Problem(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return $"api.server.security.signing_key: not set (needs at least {MinimumBytes} bytes)";
        }

        var length = Encoding.UTF8.GetByteCount(key);
        return length < MinimumBytes
            ? $"api.server.security.signing_key: {length} bytes is too short (needs at least {MinimumBytes} bytes)"
            : null;
    }

    /// <summary>A fresh signing key: base64 of 48 random bytes (64 characters, well over the minimum).</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
}
