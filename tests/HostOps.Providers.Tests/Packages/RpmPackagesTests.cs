using HostOps.Contracts.Operations.Packages;
using HostOps.Providers.Commands;
using HostOps.Providers.Packages;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;
using static HostOps.Testing.Packages.PackageCommandLines;

namespace HostOps.Providers.Tests.Packages;

/// <summary>rpm and dnf, answering in their documented formats (fixtures rhel9/packages).</summary>
public sealed class RpmPackagesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FakeCommandRunner _runner = new FakeCommandRunner()
        .Answer(RpmList, Fixture("rpm-qa.txt"))
        .Answer(RpmFind("openssh-server"), Fixture("rpm-q-openssh-server.txt"))
        .Answer(RpmFind("hello"), new CommandResult(1, Fixture("rpm-q-hello-missing.txt"), ""))
        .Answer(DnfPending, new CommandResult(100, Fixture("dnf-check-update.txt"), ""));

    private RpmPackages Packages => new(_runner);

    [Fact]
    public async Task Lists_rpms_packages_without_its_signing_keys()
    {
        var packages = await Packages.ListAsync(Ct);

        packages.Select(p => p.Name).ShouldBe(["bash", "openssl", "python3-dnf-plugin-versionlock", "openssh-server"]);
        packages[0].ShouldBe(new InstalledPackage("bash", "5.1.8-9.el9", "x86_64", "The GNU Bourne Again shell"));
    }

    [Fact]
    public async Task Finds_an_installed_package_and_not_a_missing_one()
    {
        (await Packages.FindAsync("openssh-server", Ct)).ShouldBe(new InstalledPackage("openssh-server", "8.7p1-38.el9", "x86_64", "An open source SSH server daemon"));
        (await Packages.FindAsync("hello", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Pending_upgrades_join_dnfs_list_with_rpms_versions_and_skip_obsoletes()
    {
        var pending = await Packages.PendingAsync(Ct);

        pending.ShouldBe([
            new PackageUpdate("bash", "5.1.8-9.el9", "5.1.8-9.el9_4"),
            new PackageUpdate("openssl", "3.0.7-27.el9", "1:3.0.7-28.el9_4"),
            new PackageUpdate("python3-dnf-plugin-versionlock", "4.3.0-13.el9", "4.3.0-14.el9"),
        ]);
    }

    [Fact]
    public async Task Exit_0_of_check_update_is_nothing_pending_and_another_exit_an_error()
    {
        _runner.Answer(DnfPending, new CommandResult(0, "", ""));
        (await Packages.PendingAsync(Ct)).ShouldBeEmpty();

        _runner.Answer(DnfPending, new CommandResult(1, "", "Error: Failed to download metadata for repo 'baseos'"));
        (await Should.ThrowAsync<HostProviderException>(() => Packages.PendingAsync(Ct))).Message
            .ShouldBe("dnf check-update failed: Error: Failed to download metadata for repo 'baseos'");
    }

    [Fact]
    public async Task Installs_removes_and_upgrades_through_dnf_after_double_dash()
    {
        await Packages.InstallAsync("hello", null, Ct);
        await Packages.InstallAsync("hello", "2.12-1.el9", Ct);
        await Packages.RemoveAsync("hello", Ct);
        await Packages.UpgradeAsync(null, Ct);
        await Packages.UpgradeAsync(["bash"], Ct);

        _runner.Calls.Select(c => c.CommandLine).ShouldBe([
            "dnf install -y -q -- hello",
            "dnf install -y -q -- hello-2.12-1.el9",
            "dnf remove -y -q -- hello",
            "dnf upgrade -y -q",
            "dnf upgrade -y -q -- bash",
        ]);
    }

    [Theory]
    [InlineData("8.7p1-38.el9", true)]
    [InlineData("8.7p1", true)]
    [InlineData("8.7", false)]
    [InlineData("8.7p1-39.el9", false)]
    public void A_version_matches_with_or_without_its_release(string version, bool matches) =>
        Packages.IsVersion(new InstalledPackage("openssh-server", "8.7p1-38.el9", "x86_64", null), version).ShouldBe(matches);

    private static string Fixture(string name) => FixtureMachine.ReadText("rhel9", Path.Combine("packages", name));
}
