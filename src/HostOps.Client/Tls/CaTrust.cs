using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using HostOps.Contracts.Security;

namespace HostOps.Client.Tls;

/// <summary>
/// Whether an HTTPS client trusts the API's certificate: it must be for the host name asked for and chain to one of
/// the given CA certificates (a <see cref="CaBundle"/>, such as HostOps' <c>&lt;data_dir&gt;/tls/ca.pem</c>), or, when
/// the system's roots count too, be trusted by the system. No option turns verification off.
/// </summary>
public static class CaTrust
{
    /// <summary>A handler trusting the CA bundle in <paramref name="caFile"/> beside the system's roots.</summary>
    /// <exception cref="InvalidDataException">The file holds no certificate.</exception>
    public static SocketsHttpHandler Handler(string caFile)
    {
        var roots = CaBundle.Load(caFile);
        return roots.Count > 0 ? Handler(roots, alsoSystemRoots: true) : throw new InvalidDataException($"{caFile} holds no CA certificate");
    }

    /// <summary>
    /// A handler trusting <paramref name="roots"/>; with <paramref name="alsoSystemRoots"/> false (a CA pinned by a join
    /// token), nothing else.
    /// </summary>
    public static SocketsHttpHandler Handler(X509Certificate2Collection roots, bool alsoSystemRoots) => new()
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Callback(roots, alsoSystemRoots) },
    };

    /// <summary>The validation callback behind <see cref="Handler(X509Certificate2Collection, bool)"/>.</summary>
    public static RemoteCertificateValidationCallback Callback(X509Certificate2Collection roots, bool alsoSystemRoots) =>
        (_, certificate, presented, errors) => IsTrusted(certificate, presented, errors, roots, alsoSystemRoots);

    private static bool IsTrusted(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection roots, bool alsoSystemRoots)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false; // no certificate, or not for this host name
        }

        if (alsoSystemRoots && errors == SslPolicyErrors.None)
        {
            return true;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            // The intermediates the server sent (never trusted by themselves: the chain must end at one of the roots).
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }
}
