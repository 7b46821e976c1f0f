using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HostOps.Nats.Auth;

namespace HostOps.Nats.Tls;

/// <summary>
/// HostOps' own certificate authority and the NATS server certificate it signs, made at the first start that needs
/// them (ECDSA P-256) in <c>&lt;data_dir&gt;/tls/</c>: <c>ca.pem</c> (public), <c>ca-key.pem</c>, <c>server.pem</c>,
/// <c>server-key.pem</c> (keys mode 0600). Clients trust <c>ca.pem</c>; an agent on another host gets it from the
/// API and checks it against the SHA-256 fingerprint in its join token.
/// </summary>
public sealed record HostOpsCa(string CaPath, string ServerCertPath, string ServerKeyPath)
{
    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3650);
    private static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(825);

    public static string Directory(string dataDir) => Path.Combine(dataDir, "tls");

    public static string CaPathIn(string dataDir) => Path.Combine(Directory(dataDir), "ca.pem");

    public static string CaKeyPathIn(string dataDir) => Path.Combine(Directory(dataDir), "ca-key.pem");

    /// <summary>
    /// Takes another server's CA (a server joining the cluster): the next <see cref="Ensure"/> issues this server's
    /// certificate from it.
    /// </summary>
    public static void Adopt(string dataDir, string caPem, string caKeyPem)
    {
        System.IO.Directory.CreateDirectory(Directory(dataDir));
        NkeySeedFile.WritePrivate(CaKeyPathIn(dataDir), caKeyPem);
        NkeySeedFile.WritePrivate(CaPathIn(dataDir), caPem);
        File.Delete(Path.Combine(Directory(dataDir), "server.pem"));
    }

    /// <summary>The CA and a server certificate valid for <paramref name="names"/> (plus localhost, 127.0.0.1, ::1 and this host's name).</summary>
    public static HostOpsCa Ensure(string dataDir, IEnumerable<string> names)
    {
        var directory = Directory(dataDir);
        System.IO.Directory.CreateDirectory(directory);
        var ca = new HostOpsCa(Path.Combine(directory, "ca.pem"), Path.Combine(directory, "server.pem"), Path.Combine(directory, "server-key.pem"));
        var caKeyPath = CaKeyPathIn(dataDir);
        if (!File.Exists(ca.CaPath) || !File.Exists(caKeyPath))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=HostOps CA", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow + CaLifetime);
            NkeySeedFile.WritePrivate(caKeyPath, key.ExportPkcs8PrivateKeyPem());
            NkeySeedFile.WritePrivate(ca.CaPath, certificate.ExportCertificatePem());
            File.Delete(ca.ServerCertPath);
        }

        var wanted = Names(names);
        if (!File.Exists(ca.ServerCertPath) || !File.Exists(ca.ServerKeyPath) || !Covers(ca.ServerCertPath, wanted))
        {
            using var caCertificate = X509Certificate2.CreateFromPemFile(ca.CaPath, caKeyPath);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=HostOps NATS", key, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            foreach (var name in wanted)
            {
                if (IPAddress.TryParse(name, out var address))
                {
                    san.AddIpAddress(address);
                }
                else
                {
                    san.AddDnsName(name);
                }
            }

            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            var serial = RandomNumberGenerator.GetBytes(16);
            serial[0] &= 0x7f;
            using var certificate = request.Create(caCertificate, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow + ServerLifetime, serial);
            NkeySeedFile.WritePrivate(ca.ServerKeyPath, key.ExportPkcs8PrivateKeyPem());
            NkeySeedFile.WritePrivate(ca.ServerCertPath, certificate.ExportCertificatePem());
        }

        return ca;
    }

    private static List<string> Names(IEnumerable<string> names) =>
        [.. names.Where(n => n is { Length: > 0 } and not "0.0.0.0" and not "::")
            .Concat(["localhost", "127.0.0.1", "::1", Dns.GetHostName()])
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    // A server certificate made for fewer names (the configured address changed) is made again.
    private static bool Covers(string certificatePath, List<string> names)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (san is null)
        {
            return false;
        }

        var present = san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(a => a.ToString())).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return names.All(n => present.Contains(IPAddress.TryParse(n, out var a) ? a.ToString() : n));
    }

    /// <summary>Whether a listen address is reachable only from this machine (then TLS may stay off).</summary>
    public static bool IsLoopbackOnly(string host) =>
        host is "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
