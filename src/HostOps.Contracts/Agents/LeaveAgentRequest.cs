using System.Globalization;

namespace HostOps.Contracts.Agents;

/// <summary>
/// An agent asks to leave the fleet (<c>POST /agent/leave</c>, from <c>hostops-agent uninstall</c>): it proves it holds
/// the enrolled key by signing <see cref="SignedText"/> with its nkey seed, so it needs no admin token.
/// </summary>
/// <param name="SignedAt">When it signed; the API takes signatures up to 5 minutes from its own clock.</param>
/// <param name="Signature">Ed25519 signature of <see cref="SignedText"/>, base64url.</param>
public sealed record LeaveAgentRequest(string? Hostname, string? PublicKey, DateTimeOffset? SignedAt, string? Signature)
{
    /// <summary>What is signed: a purpose, so no other signature of the agent's key can be replayed as a leave.</summary>
    public static string SignedText(string hostname, string publicKey, DateTimeOffset signedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"hostops-agent-leave\n{hostname}\n{publicKey}\n{signedAt.ToUnixTimeSeconds()}");
}
