using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace HostOps.Contracts.Operations.Certificates;

/// <summary>
/// The input rules of the trusted-CA operations. A name becomes a file name in the trust store, so it is
/// <c>a-z 0-9 _ -</c>. A PEM is read as X.509 before anything is written, and must hold one certificate that is a
/// CA: basic constraints <c>CA:TRUE</c>, or, for old roots without that extension, self-signed (subject is issuer).
/// An expired one is refused; one not yet valid is taken (its time will come, and clocks differ).
/// </summary>
public static partial class CaRules
{
    public const int MaxPemLength = 64 * 1024;

    private const string BeginCertificate = "-----BEGIN CERTIFICATE-----";

    public static string? Name(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return NamePattern().IsMatch(value) ? null : $"{field}: '{value}' is not a valid CA name (1-64 of a-z 0-9 _ -, starting with a letter or digit)";
    }

    public static string? Pem(string field, string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{field}: is required";
        }

        if (value.Length > MaxPemLength)
        {
            return $"{field}: is longer than {MaxPemLength} characters";
        }

        var blocks = CountOf(value, BeginCertificate);
        if (blocks != 1)
        {
            return blocks == 0 ? $"{field}: is not a PEM certificate (no {BeginCertificate} block)" : $"{field}: holds {blocks} certificates; add one CA at a time";
        }

        using var certificate = TryRead(value, out var why);
        if (certificate is null)
        {
            return $"{field}: is not a valid PEM certificate ({why})";
        }

        var subject = certificate.Subject;
        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (constraints is { CertificateAuthority: false })
        {
            return $"{field}: '{subject}' is not a CA certificate (basic constraints CA:FALSE)";
        }

        if (constraints is null && !certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
        {
            return $"{field}: '{subject}' is not a CA certificate (no basic constraints and not self-signed)";
        }

        return certificate.NotAfter.ToUniversalTime() < now.UtcDateTime
            ? $"{field}: '{subject}' expired on {certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"
            : null;
    }

    /// <summary>The certificate of a PEM, or null with the reason it cannot be read.</summary>
    public static X509Certificate2? TryRead(string pem, out string? why)
    {
        why = null;
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException e)
        {
            why = e.Message.TrimEnd('.');
            return null;
        }
    }

    /// <summary>The SHA-256 fingerprint of a certificate, lower-case hex.</summary>
    public static string Sha256(X509Certificate2 certificate) =>
        certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant();

    private static int CountOf(string text, string marker)
    {
        var count = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}\\z")]
    private static partial Regex NamePattern();
}
