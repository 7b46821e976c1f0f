using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace HostOps.Api.Security;

/// <summary>
/// The HS256 key from <c>api.server.security.signing_key</c>. HMAC-SHA256 needs 256 bits of key to give its full
/// strength, so anything shorter is refused instead of silently accepted.
/// </summary>
public static class SigningKey
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

    /// <summary>The key for signing and validating; throws <see cref="ArgumentException"/> with <see cref="Problem"/> when unusable.</summary>
    public static SymmetricSecurityKey Create(string key) =>
        Problem(key) is { } problem
            ? throw new ArgumentException(problem, nameof(key))
            : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
}
