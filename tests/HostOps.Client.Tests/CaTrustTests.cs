using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HostOps.Client.Tls;
using Shouldly;
using Xunit;

namespace HostOps.Client.Tests;

/// <summary>The SDK's certificate check: a certificate for the host name that chains to one of the given CAs, nothing less.</summary>
public sealed class CaTrustTests
{
    [Fact]
    public void A_certificate_issued_by_a_trusted_ca_is_accepted_whatever_the_system_thinks_of_it()
    {
        using var ca = NewCa("trusted");
        using var leaf = Issue(ca);

        Check([ca], leaf, SslPolicyErrors.RemoteCertificateChainErrors, alsoSystemRoots: false).ShouldBeTrue();
        Check([ca], leaf, SslPolicyErrors.RemoteCertificateChainErrors, alsoSystemRoots: true).ShouldBeTrue();
    }

    [Fact]
    public void A_certificate_of_another_ca_is_refused_and_only_the_system_roots_can_vouch_for_it()
    {
        using var ca = NewCa("trusted");
        using var other = NewCa("other");
        using var leaf = Issue(other);

        Check([ca], leaf, SslPolicyErrors.RemoteCertificateChainErrors, alsoSystemRoots: true).ShouldBeFalse();
        Check([ca], leaf, SslPolicyErrors.None, alsoSystemRoots: true).ShouldBeTrue(); // trusted by the system
        Check([ca], leaf, SslPolicyErrors.None, alsoSystemRoots: false).ShouldBeFalse(); // a pinned CA admits nothing else
    }

    [Fact]
    public void A_certificate_for_another_name_is_refused_even_from_a_trusted_ca()
    {
        using var ca = NewCa("trusted");
        using var leaf = Issue(ca);

        Check([ca], leaf, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors, alsoSystemRoots: false).ShouldBeFalse();
        Check([ca], null, SslPolicyErrors.RemoteCertificateNotAvailable, alsoSystemRoots: false).ShouldBeFalse();
    }

    private static bool Check(X509Certificate2[] roots, X509Certificate2? leaf, SslPolicyErrors errors, bool alsoSystemRoots) =>
        CaTrust.Callback(new X509Certificate2Collection(roots), alsoSystemRoots)(new object(), leaf, null, errors);

    private static X509Certificate2 NewCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=api", key, HashAlgorithmName.SHA256);
        return request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1), [7, 7, 7]);
    }
}
