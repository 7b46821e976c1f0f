using System.Text;
using HostOps.Contracts.Security;
using Microsoft.IdentityModel.Tokens;

namespace HostOps.Api.Security;

/// <summary>The HS256 key from <c>api.server.security.signing_key</c> as the token library wants it.</summary>
public static class SigningKey
{
    /// <summary>The key for validating; throws <see cref="ArgumentException"/> with <see cref="SigningKeys.Problem"/> when unusable.</summary>
    public static SymmetricSecurityKey Create(string key) =>
        SigningKeys.Problem(key) is { } problem
            ? throw new ArgumentException(problem, nameof(key))
            : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
}
