using HostOps.Contracts.Agents;
using HostOps.Contracts.Security;
using HostOps.Jobs.Agents;

namespace HostOps.Api.Security;

/// <summary>
/// Checks the secret of a join token: signed with this control plane's key, not expired, and meant for what it is
/// used for (<see cref="TokenAudiences.Join"/> for an agent, <see cref="TokenAudiences.ServerJoin"/> for a server).
/// </summary>
internal static class JoinTokens
{
    /// <summary>The grant of a valid token (its id and labels); null otherwise. Takes the secret or the whole join token.</summary>
    public static async Task<JoinGrant?> ValidateAsync(string token, string signingKey, string audience = TokenAudiences.Join)
    {
        var secret = JoinToken.TryDecode(token)?.Secret ?? token;
        var result = await TokenValidation.ValidateAsync(secret, signingKey, audience);
        if (!result.IsValid || !result.Claims.TryGetValue("jti", out var jti) || jti is not string { Length: > 0 } id)
        {
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (result.Claims.TryGetValue("labels", out var claim) && claim is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object } granted)
        {
            foreach (var label in granted.EnumerateObject())
            {
                labels[label.Name] = label.Value.GetString() ?? "";
            }
        }

        return new JoinGrant(id, labels);
    }
}
