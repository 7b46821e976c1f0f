using System.Security.Cryptography.X509Certificates;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Security;
using HostOps.Nats.Tls;
using Shouldly;
using Xunit;

namespace HostOps.Nats.Tests.Tls;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostOpsCaTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("hostops-ca-").FullName;

    [Fact]
    public void The_ca_signs_a_server_certificate_for_the_configured_address_and_keeps_its_keys_private()
    {
        var ca = HostOpsCa.Ensure(_dataDir, ["10.231.9.1"]);

        using var root = X509Certificate2.CreateFromPem(File.ReadAllText(ca.CaPath));
        using var server = X509Certificate2.CreateFromPemFile(ca.ServerCertPath, ca.ServerKeyPath);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(server).ShouldBeTrue(string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));
        var names = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        names.EnumerateIPAddresses().Select(a => a.ToString()).ShouldContain("10.231.9.1");
        names.EnumerateIPAddresses().Select(a => a.ToString()).ShouldContain("127.0.0.1");
        names.EnumerateDnsNames().ShouldContain("localhost");
        File.GetUnixFileMode(ca.ServerKeyPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Path.Combine(_dataDir, "tls", "ca-key.pem")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        HostOps.Contracts.Agents.JoinToken.CaFingerprint(File.ReadAllText(ca.CaPath)).Length.ShouldBe(64);

        var again = HostOpsCa.Ensure(_dataDir, ["10.231.9.1"]);
        File.ReadAllText(again.CaPath).ShouldBe(File.ReadAllText(ca.CaPath));
    }

    [Fact]
    public void The_api_certificate_comes_from_the_same_ca_as_nats()
    {
        var nats = HostOpsCa.Ensure(_dataDir, ["10.231.9.1"]);
        var api = HostOpsCa.EnsureApi(_dataDir, ["10.231.9.2"]);

        api.CaPath.ShouldBe(nats.CaPath);
        api.ServerCertPath.ShouldNotBe(nats.ServerCertPath);
        ChainsTo(api.ServerCertPath, api.CaPath).ShouldBeTrue();
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(api.ServerCertPath));
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses().Select(a => a.ToString()).ShouldContain("10.231.9.2");
        File.GetUnixFileMode(api.ServerKeyPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void A_rotation_trusts_the_next_ca_first_then_issues_from_it_then_drops_the_previous_one()
    {
        var ca = HostOpsCa.Ensure(_dataDir, ["10.231.9.1"]);
        HostOpsCa.EnsureApi(_dataDir, ["10.231.9.2"]);
        var first = CaBundle.Load(ca.CaPath).Single();
        var serverBefore = File.ReadAllText(ca.ServerCertPath);

        var next = HostOpsCa.AddNext(_dataDir);

        CaBundle.Load(ca.CaPath).Select(CaBundle.Fingerprint).ShouldBe([CaBundle.Fingerprint(first), next]);
        File.ReadAllText(ca.ServerCertPath).ShouldBe(serverBefore); // still issued by the current CA
        Should.Throw<InvalidOperationException>(() => HostOpsCa.AddNext(_dataDir));
        Should.Throw<InvalidOperationException>(() => HostOpsCa.DropPrevious(_dataDir));

        HostOpsCa.ActivateNext(_dataDir).ShouldBe(next);

        CaBundle.Load(ca.CaPath).Select(CaBundle.Fingerprint).ShouldBe([next, CaBundle.Fingerprint(first)]);
        JoinToken.CaFingerprint(File.ReadAllText(ca.CaPath)).ShouldBe(next);
        ChainsTo(ca.ServerCertPath, OnlyCertificate(next)).ShouldBeTrue();
        ChainsTo(Path.Combine(_dataDir, "tls", "api.pem"), OnlyCertificate(next)).ShouldBeTrue();
        HostOpsCa.Ensure(_dataDir, ["10.231.9.1"]); // a start after the rotation keeps the reissued certificate
        ChainsTo(ca.ServerCertPath, OnlyCertificate(next)).ShouldBeTrue();

        HostOpsCa.DropPrevious(_dataDir).ShouldBe(1);

        CaBundle.Load(ca.CaPath).Select(CaBundle.Fingerprint).ShouldBe([next]);
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private string OnlyCertificate(string fingerprint)
    {
        var path = Path.Combine(_dataDir, $"{fingerprint}.pem");
        File.WriteAllText(path, CaBundle.ToPem(CaBundle.Load(Path.Combine(_dataDir, "tls", "ca.pem")).Where(c => CaBundle.Fingerprint(c) == fingerprint)));
        return path;
    }

    private static bool ChainsTo(string certificatePath, string caPath)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(CaBundle.Load(caPath));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
