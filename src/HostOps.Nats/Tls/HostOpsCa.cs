using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HostOps.Contracts.Security;
using HostOps.Nats.Auth;

namespace HostOps.Nats.Tls;

/// <summary>
/// HostOps' own certificate authority and the server certificates it signs, made at the first start that needs
/// them (ECDSA P-256) in <c>&lt;data_dir&gt;/tls/</c>: <c>ca.pem</c> (public; a bundle whose first certificate is the
/// current CA, see <see cref="CaBundle"/>), <c>ca-key.pem</c> (the current CA's key), <c>server.pem</c> and
/// <c>server-key.pem</c> for NATS, <c>api.pem</c> and <c>api-key.pem</c> for the API's HTTPS (every file mode 0600).
/// Clients trust <c>ca.pem</c>; an agent on another host gets it from the API and checks it against the SHA-256
/// fingerprint in its join token. A server certificate is made again when it lacks a wanted name, was not issued
/// by the current CA (after a rotation, see <c>HostOpsCa.Rotation.cs</c>) or has expired.
/// </summary>
/// <param name="CaPath">The CA bundle clients trust.</param>
/// <param name="ServerCertPath">The server's certificate (PEM).</param>
/// <param name="ServerKeyPath">The server's private key (PKCS#8 PEM).</param>
public sealed partial record HostOpsCa(string CaPath, string ServerCertPath, string ServerKeyPath)
{
    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3650);
    private static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(825);
    private static readonly TimeSpan Backdate = TimeSpan.FromMinutes(5);

    public static string Directory(string dataDir) => Path.Combine(dataDir, "tls");

    public static string CaPathIn(string dataDir) => CaBundle.PathIn(dataDir);

    public static string CaKeyPathIn(string dataDir) => Path.Combine(Directory(dataDir), "ca-key.pem");


    /// <summary>
    /// Takes another server's CA (a server joining the cluster): the next <see cref="Ensure"/> issues this server's
    /// certificates from it.
    /// </summary>
    public static void Adopt(string dataDir, string caPem, string caKeyPem)
    {
        System.IO.Directory.CreateDirectory(Directory(dataDir));
        NkeySeedFile.WritePrivate(CaKeyPathIn(dataDir), caKeyPem);
        NkeySeedFile.WritePrivate(CaPathIn(dataDir), caPem);
        File.Delete(Path.Combine(Directory(dataDir), "server.pem"));
        File.Delete(Path.Combine(Directory(dataDir), "api.pem"));
    }

    /// <summary>The CA and the NATS server certificate, valid for <paramref name="names"/> (plus localhost, 127.0.0.1, ::1 and this host's name).</summary>
    public static HostOpsCa Ensure(string dataDir, IEnumerable<string> names) => Issue(dataDir, "server", "HostOps NATS", names);

    /// <summary>The CA and the API's HTTPS certificate, valid for <paramref name="names"/> (plus localhost, 127.0.0.1, ::1 and this host's name).</summary>
    public static HostOpsCa EnsureApi(string dataDir, IEnumerable<string> names) => Issue(dataDir, "api", "HostOps API", names);

    /// <summary>Whether a listen address is reachable only from this machine (then TLS may stay off).</summary>
    public static bool IsLoopbackOnly(string host) =>
        host is "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static HostOpsCa Issue(string dataDir, string fileStem, string commonName, IEnumerable<string> names)
    {
        var directory = Directory(dataDir);
        System.IO.Directory.CreateDirectory(directory);
        var ca = new HostOpsCa(CaPathIn(dataDir), Path.Combine(directory, $"{fileStem}.pem"), Path.Combine(directory, $"{fileStem}-key.pem"));
        if (!File.Exists(ca.CaPath) || !File.Exists(CaKeyPathIn(dataDir)))
        {
            var (certificate, keyPem) = NewCa();
            using (certificate)
            {
                NkeySeedFile.WritePrivate(CaKeyPathIn(dataDir), keyPem);
                NkeySeedFile.WritePrivate(ca.CaPath, certificate.ExportCertificatePem() + "\n");
            }
        }

        var wanted = Names(names);
        using var issuer = CurrentCa(dataDir);
        if (!File.Exists(ca.ServerCertPath) || !File.Exists(ca.ServerKeyPath) || !Covers(ca.ServerCertPath, wanted) || !IssuedBy(ca.ServerCertPath, issuer))
        {
            WriteLeaf(issuer, commonName, wanted, ca.ServerCertPath, ca.ServerKeyPath);
        }

        return ca;
    }

    // A CA of its own name (a rotation makes a second one; distinct names keep chain building unambiguous).
    private static (X509Certificate2 Certificate, string KeyPem) NewCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=HostOps CA {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow - Backdate, DateTimeOffset.UtcNow + CaLifetime);
        return (certificate, key.ExportPkcs8PrivateKeyPem());
    }

    // The first certificate of ca.pem with ca-key.pem: the CA that issues server certificates.
    private static X509Certificate2 CurrentCa(string dataDir)
    {
        var bundle = CaBundle.Load(CaPathIn(dataDir));
        if (bundle.Count == 0)
        {
            throw new InvalidDataException($"{CaPathIn(dataDir)} holds no certificate");
        }

        return X509Certificate2.CreateFromPem(bundle[0].ExportCertificatePem(), File.ReadAllText(CaKeyPathIn(dataDir)));
    }

    private static void WriteLeaf(X509Certificate2 issuer, string commonName, List<string> names, string certificatePath, string keyPath)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
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
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var notAfter = DateTimeOffset.UtcNow + ServerLifetime < issuer.NotAfter ? DateTimeOffset.UtcNow + ServerLifetime : new DateTimeOffset(issuer.NotAfter);
        using var certificate = request.Create(issuer, DateTimeOffset.UtcNow - Backdate, notAfter, serial);
        NkeySeedFile.WritePrivate(keyPath, key.ExportPkcs8PrivateKeyPem());
        NkeySeedFile.WritePrivate(certificatePath, certificate.ExportCertificatePem() + "\n");
    }

    private static List<string> Names(IEnumerable<string> names) =>
        [.. names.Where(n => n is { Length: > 0 } and not "0.0.0.0" and not "::")
            .Concat(["localhost", "127.0.0.1", "::1", Dns.GetHostName()])
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    // A server certificate made for fewer names (the configured address changed) is made again.
    private static bool Covers(string certificatePath, List<string> names)
    {
        var present = NamesIn(certificatePath).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return names.All(n => present.Contains(IPAddress.TryParse(n, out var a) ? a.ToString() : n));
    }

    private static List<string> NamesIn(string certificatePath)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        return san is null ? [] : [.. san.EnumerateDnsNames(), .. san.EnumerateIPAddresses().Select(a => a.ToString())];
    }

    // Signed by the current CA and within its validity (a chain to that CA alone builds).
    private static bool IssuedBy(string certificatePath, X509Certificate2 issuer)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        using var root = X509CertificateLoader.LoadCertificate(issuer.RawData);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
