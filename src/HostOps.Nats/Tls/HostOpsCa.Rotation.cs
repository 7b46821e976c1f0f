using System.Security.Cryptography.X509Certificates;
using HostOps.Contracts.Security;
using HostOps.Nats.Auth;

namespace HostOps.Nats.Tls;

/// <summary>
/// Rotating HostOps' own CA in three steps, so that no client ever meets a server certificate it does not trust:
/// <see cref="AddNext"/> makes the next CA and trusts it beside the current one (<c>ca.pem</c> becomes
/// current + next; clients fetch the bundle); <see cref="ActivateNext"/> makes it the current CA and reissues the
/// server certificates from it (<c>ca.pem</c> becomes next + previous); <see cref="DropPrevious"/> stops trusting
/// the previous CA (<c>ca.pem</c> holds the current CA alone). The next CA waits in <c>ca-next.pem</c> and
/// <c>ca-next-key.pem</c> between the first two steps.
/// </summary>
public sealed partial record HostOpsCa
{
    private static string NextPathIn(string dataDir) => Path.Combine(Directory(dataDir), "ca-next.pem");

    private static string NextKeyPathIn(string dataDir) => Path.Combine(Directory(dataDir), "ca-next-key.pem");

    /// <summary>Whether this data directory holds HostOps' own CA (with its key).</summary>
    public static bool ExistsIn(string dataDir) => File.Exists(CaPathIn(dataDir)) && File.Exists(CaKeyPathIn(dataDir));

    /// <summary>Makes the next CA and appends it to <c>ca.pem</c>; returns its SHA-256 fingerprint.</summary>
    /// <exception cref="InvalidOperationException">No CA here, or a next CA is already waiting.</exception>
    public static string AddNext(string dataDir)
    {
        RequireCa(dataDir);
        if (File.Exists(NextPathIn(dataDir)))
        {
            throw new InvalidOperationException($"a next CA is already waiting in {NextPathIn(dataDir)}; activate it first");
        }

        var (certificate, keyPem) = NewCa();
        using (certificate)
        {
            NkeySeedFile.WritePrivate(NextKeyPathIn(dataDir), keyPem);
            NkeySeedFile.WritePrivate(NextPathIn(dataDir), certificate.ExportCertificatePem() + "\n");
            var bundle = CaBundle.Load(CaPathIn(dataDir));
            NkeySeedFile.WritePrivate(CaPathIn(dataDir), CaBundle.ToPem([.. bundle, certificate]));
            return CaBundle.Fingerprint(certificate);
        }
    }

    /// <summary>
    /// The waiting next CA becomes the current one (first in <c>ca.pem</c>, its key in <c>ca-key.pem</c>), and every
    /// server certificate made here is issued again from it for the same names; returns its fingerprint.
    /// </summary>
    /// <exception cref="InvalidOperationException">No CA here, or no next CA waiting.</exception>
    public static string ActivateNext(string dataDir)
    {
        RequireCa(dataDir);
        if (!File.Exists(NextPathIn(dataDir)) || !File.Exists(NextKeyPathIn(dataDir)))
        {
            throw new InvalidOperationException("no next CA is waiting; make one first (hostops tls rotate-ca add)");
        }

        using var next = X509Certificate2.CreateFromPem(File.ReadAllText(NextPathIn(dataDir)));
        var fingerprint = CaBundle.Fingerprint(next);
        var others = CaBundle.Load(CaPathIn(dataDir)).Where(c => CaBundle.Fingerprint(c) != fingerprint);
        NkeySeedFile.WritePrivate(CaKeyPathIn(dataDir), File.ReadAllText(NextKeyPathIn(dataDir)));
        NkeySeedFile.WritePrivate(CaPathIn(dataDir), CaBundle.ToPem([next, .. others]));
        File.Delete(NextKeyPathIn(dataDir));
        File.Delete(NextPathIn(dataDir));

        using var issuer = CurrentCa(dataDir);
        foreach (var (stem, commonName) in new[] { ("server", "HostOps NATS"), ("api", "HostOps API") })
        {
            var certificatePath = Path.Combine(Directory(dataDir), $"{stem}.pem");
            if (File.Exists(certificatePath))
            {
                WriteLeaf(issuer, commonName, NamesIn(certificatePath), certificatePath, Path.Combine(Directory(dataDir), $"{stem}-key.pem"));
            }
        }

        return fingerprint;
    }

    /// <summary>Keeps only the current CA in <c>ca.pem</c>; returns how many CAs are no longer trusted.</summary>
    /// <exception cref="InvalidOperationException">No CA here, or a next CA is waiting (activate it first).</exception>
    public static int DropPrevious(string dataDir)
    {
        RequireCa(dataDir);
        if (File.Exists(NextPathIn(dataDir)))
        {
            throw new InvalidOperationException("a next CA is waiting; activate it before dropping the previous one");
        }

        var bundle = CaBundle.Load(CaPathIn(dataDir));
        NkeySeedFile.WritePrivate(CaPathIn(dataDir), CaBundle.ToPem([bundle[0]]));
        return bundle.Count - 1;
    }

    private static void RequireCa(string dataDir)
    {
        if (!ExistsIn(dataDir))
        {
            throw new InvalidOperationException($"no HostOps CA in {Directory(dataDir)} (it is made by the first start with TLS)");
        }
    }
}
