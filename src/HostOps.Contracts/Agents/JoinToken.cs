using System.Buffers.Text;
using System.Text.Json;
using HostOps.Contracts.Json;

namespace HostOps.Contracts.Agents;

/// <summary>
/// What <c>hostops token generate --join</c> prints and <c>hostops agent start --join</c> takes: where the API and
/// NATS are, the SHA-256 fingerprint of the HostOps CA (when TLS is on), and a signed single-use secret that the
/// API checks (audience <c>hostops-join</c>, so it is never a bearer token). Text form: <c>hj1.</c> + base64url(JSON).
/// </summary>
public sealed record JoinToken(IReadOnlyList<string> Api, IReadOnlyList<string> Nats, string? CaSha256, string Secret)
{
    private const string Prefix = "hj1.";

    public string Encode() => Prefix + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, HostOpsJsonContext.Default.JoinToken));

    /// <summary>Reads a join token; null when <paramref name="text"/> is not one (wrong prefix, not base64url, not the JSON).</summary>
    public static JoinToken? TryDecode(string? text)
    {
        if (text is null || !text.Trim().StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var token = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(text.Trim().AsSpan(Prefix.Length)), HostOpsJsonContext.Default.JoinToken);
            return token is { Api.Count: > 0, Nats.Count: > 0, Secret.Length: > 0 } ? token : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The fingerprint a join token pins: lowercase hex SHA-256 of the DER bytes of the first CA certificate of
    /// <paramref name="caPem"/> (a bundle's first certificate is its current CA, see <see cref="Security.CaBundle"/>).
    /// </summary>
    public static string CaFingerprint(string caPem)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(caPem);
        return Security.CaBundle.Fingerprint(certificate);
    }

    public override string ToString() => $"join token for {string.Join(",", Api)}";
}
