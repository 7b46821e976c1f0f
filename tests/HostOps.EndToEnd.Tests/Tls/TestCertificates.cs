using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HostOps.EndToEnd.Tests.Tls;

/// <summary>What a test needs around TLS: an operator's own CA and server certificate, and HTTPS clients that trust one CA file alone.</summary>
internal static class TestCertificates
{
    /// <summary>Writes an operator's CA (<c>ca.pem</c>) and a server certificate for loopback issued by it (<c>cert.pem</c>, <c>key.pem</c>) under <paramref name="directory"/>.</summary>
    public static (string Ca, string Cert, string Key) WriteOperatorCa(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={name} Operator CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name} server", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);

        var paths = (Path.Combine(directory, "ca.pem"), Path.Combine(directory, "cert.pem"), Path.Combine(directory, "key.pem"));
        File.WriteAllText(paths.Item1, ca.ExportCertificatePem());
        File.WriteAllText(paths.Item2, server.ExportCertificatePem());
        File.WriteAllText(paths.Item3, key.ExportPkcs8PrivateKeyPem());
        return paths;
    }

    /// <summary>Lowercase hex SHA-256 of the first certificate in a PEM text.</summary>
    public static string Fingerprint(string pem)
    {
        using var certificate = X509Certificate2.CreateFromPem(pem);
        return Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
    }

    /// <summary>An HTTPS client that trusts only the CAs in <paramref name="caFile"/> and records the certificate the server presented.</summary>
    public static HttpClient TrustingOnly(string caFile, string baseUrl, Action<X509Certificate2>? presented = null)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caFile);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return false;
            }

            var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            presented?.Invoke(leaf);
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(leaf);
        };
        return new HttpClient(handler) { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(40) };
    }
}
