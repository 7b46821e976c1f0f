using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace HostOps.Contracts.Security;

/// <summary>
/// A CA bundle: one or more CA certificates in PEM, all trusted at once. The first is the current CA (the one that
/// issues server certificates and that join tokens pin); the others are trusted beside it while a CA is rotated.
/// </summary>
public static class CaBundle
{
    /// <summary>Where a data directory keeps the CAs it trusts: HostOps' own CA on the control plane, the fetched bundle on an agent.</summary>
    public static string PathIn(string dataDir) => Path.Combine(dataDir, "tls", "ca.pem");

    /// <summary>The certificates of a PEM text, in order (none for text without a certificate).</summary>
    public static X509Certificate2Collection Parse(string pem)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(pem);
        return certificates;
    }

    /// <summary>The certificates of a PEM file; empty when the file does not exist.</summary>
    public static X509Certificate2Collection Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : [];

    /// <summary>Lowercase hex SHA-256 of a certificate's DER bytes: what join tokens pin.</summary>
    public static string Fingerprint(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));

    /// <summary>Whether the bundle holds a certificate with this SHA-256 fingerprint.</summary>
    public static bool Contains(X509Certificate2Collection bundle, string fingerprint) =>
        bundle.Any(c => string.Equals(Fingerprint(c), fingerprint, StringComparison.OrdinalIgnoreCase));

    /// <summary>The certificates of every existing file, in order, each once; an empty string when there are none.</summary>
    public static string Merge(IEnumerable<string> paths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var path in paths)
        {
            foreach (var certificate in Load(path))
            {
                if (seen.Add(Fingerprint(certificate)))
                {
                    text.Append(certificate.ExportCertificatePem()).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The PEM text of certificates, in order.</summary>
    public static string ToPem(IEnumerable<X509Certificate2> certificates) =>
        string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n"));
}
