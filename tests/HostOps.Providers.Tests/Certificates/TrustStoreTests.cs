using HostOps.Contracts.Operations.Certificates;
using HostOps.Providers.Certificates;
using HostOps.Providers.Commands;
using HostOps.Testing.Certificates;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Certificates;

/// <summary>
/// The trust store under a temporary root, with update-ca-certificates faked (its real run would rebuild this machine's
/// /etc/ssl/certs): its output is the one update-ca-certificates prints (fixture debian12/ca-certificates).
/// </summary>
public sealed class TrustStoreTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Adding_a_ca_writes_hostops_name_crt_runs_update_ca_certificates_once_and_lists_it()
    {
        using var machine = Debian();
        var runner = Updater();
        var store = Store(machine, runner);
        var pem = TestCertificates.Ca("HostOps Corp Root");

        var first = await store.AddAsync("corp-root", pem, dryRun: false, Ct);
        var second = await store.AddAsync("corp-root", pem, dryRun: false, Ct);

        (first.Changed, second.Changed).ShouldBe((true, false));
        first.Ca.Subject.ShouldBe("CN=HostOps Corp Root");
        first.Ca.Sha256!.Length.ShouldBe(64);
        machine.Read("/usr/local/share/ca-certificates/hostops-corp-root.crt").ShouldStartWith("-----BEGIN CERTIFICATE-----");
        runner.Calls.ShouldHaveSingleItem().CommandLine.ShouldBe("update-ca-certificates");
        store.List().ShouldHaveSingleItem().ShouldBe(first.Ca);
    }

    [Fact]
    public async Task Removing_deletes_only_hostops_files_and_runs_the_update_once()
    {
        using var machine = Debian().Write("/usr/local/share/ca-certificates/other.crt", TestCertificates.Ca());
        var runner = Updater();
        var store = Store(machine, runner);
        await store.AddAsync("corp-root", TestCertificates.Ca(), dryRun: false, Ct);

        (await store.RemoveAsync("corp-root", dryRun: false, Ct)).Changed.ShouldBeTrue();
        (await store.RemoveAsync("corp-root", dryRun: false, Ct)).Changed.ShouldBeFalse();

        Directory.GetFiles(machine.PathOf("/usr/local/share/ca-certificates")).Select(Path.GetFileName).ShouldBe(["other.crt"]);
        runner.Calls.Count.ShouldBe(2);
        store.List().ShouldBeEmpty();
    }

    [Fact]
    public async Task Rhel_gets_an_anchor_and_update_ca_trust_extract()
    {
        using var machine = new TempMachine().CreateDirectory("/etc/pki/ca-trust/source/anchors");
        var runner = new FakeCommandRunner();

        await Store(machine, runner).AddAsync("corp-root", TestCertificates.Ca(), dryRun: false, Ct);

        File.Exists(machine.PathOf("/etc/pki/ca-trust/source/anchors/hostops-corp-root.pem")).ShouldBeTrue();
        runner.Calls.ShouldHaveSingleItem().CommandLine.ShouldBe("update-ca-trust extract");
    }

    [Fact]
    public async Task A_dry_run_writes_and_runs_nothing_and_without_permission_nothing_changes()
    {
        using var machine = Debian();
        var runner = Updater();
        var store = new TrustStore(machine.Root, runner, new HostChangeGuard(() => false));

        (await store.AddAsync("corp-root", TestCertificates.Ca(), dryRun: true, Ct)).Changed.ShouldBeTrue();
        (await Should.ThrowAsync<HostProviderException>(() => store.AddAsync("corp-root", TestCertificates.Ca(), dryRun: false, Ct)))
            .Message.ShouldContain("HOSTOPS_ALLOW_HOST_CHANGES=1");

        Directory.GetFiles(machine.PathOf("/usr/local/share/ca-certificates")).ShouldBeEmpty();
        runner.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failing_update_is_reported_with_its_reason_and_a_host_without_a_store_is_refused()
    {
        using var machine = Debian();
        var runner = new FakeCommandRunner().Answer("update-ca-certificates", new CommandResult(1, "", "update-ca-certificates: cannot write /etc/ssl/certs\n"));

        (await Should.ThrowAsync<HostProviderException>(() => Store(machine, runner).AddAsync("corp-root", TestCertificates.Ca(), dryRun: false, Ct)))
            .Message.ShouldBe("update-ca-certificates failed: update-ca-certificates: cannot write /etc/ssl/certs");
        using var bare = new TempMachine();
        Should.Throw<HostProviderException>(() => Store(bare, runner).List()).Message.ShouldStartWith("no system trust store on this host");
    }

    [Fact]
    public void Only_an_unexpired_ca_certificate_passes()
    {
        var now = DateTimeOffset.UtcNow;
        CaRules.Pem("pem", TestCertificates.Ca(), now).ShouldBeNull();
        CaRules.Pem("pem", TestCertificates.Leaf(), now).ShouldBe("pem: 'CN=web-01.example.com' is not a CA certificate (basic constraints CA:FALSE)");
        CaRules.Pem("pem", TestCertificates.ExpiredCa(), now).ShouldNotBeNull().ShouldStartWith("pem: 'CN=HostOps Expired CA' expired on ");
        CaRules.Pem("pem", TestCertificates.Malformed, now).ShouldNotBeNull().ShouldStartWith("pem: is not a valid PEM certificate");
        CaRules.Pem("pem", "hello", now).ShouldBe("pem: is not a PEM certificate (no -----BEGIN CERTIFICATE----- block)");
        CaRules.Pem("pem", TestCertificates.Ca() + TestCertificates.Ca(), now).ShouldBe("pem: holds 2 certificates; add one CA at a time");
    }

    private static TempMachine Debian() => new TempMachine().CreateDirectory("/usr/local/share/ca-certificates");

    private static TrustStore Store(TempMachine machine, FakeCommandRunner runner) => new(machine.Root, runner, new HostChangeGuard(() => true));

    private static FakeCommandRunner Updater() =>
        new FakeCommandRunner().Answer("update-ca-certificates", FixtureMachine.ReadText("debian12", "ca-certificates/update-ca-certificates.txt"));
}
