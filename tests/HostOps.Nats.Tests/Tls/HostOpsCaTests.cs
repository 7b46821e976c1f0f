using System.Security.Cryptography.X509Certificates;
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

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
