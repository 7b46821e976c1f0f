using HostOps.Contracts.Operations.Packages;
using HostOps.Providers.Packages;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using HostOps.Testing.Packages;
using Shouldly;
using Xunit;
using static HostOps.Testing.Packages.PackageCommandLines;

namespace HostOps.Providers.Tests.Packages;

/// <summary>Install, remove and upgrade on the Debian 12 fixture host: idempotent, dry runs change nothing, the guard comes first.</summary>
public sealed class PackageChangerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FakeCommandRunner _runner = new FakeCommandRunner().AsDebianPackageHost();

    [Fact]
    public async Task Install_then_install_again_changes_once()
    {
        var changer = Changer();

        (await changer.InstallAsync("hello", null, false, Ct)).ShouldBe(new PackageChange(null, "2.10-3", true));
        (await changer.InstallAsync("hello", null, false, Ct)).ShouldBe(new PackageChange("2.10-3", "2.10-3", false));
        (await changer.InstallAsync("hello", "2.10-3", false, Ct)).Changed.ShouldBeFalse();

        Changes().ShouldBe([AptInstall("hello")]);
    }

    [Fact]
    public async Task Another_version_than_the_installed_one_is_installed()
    {
        var changer = Changer();
        await changer.InstallAsync("hello", null, false, Ct);

        (await changer.InstallAsync("hello", "2.10-2", false, Ct)).Changed.ShouldBeTrue();

        Changes().ShouldBe([AptInstall("hello"), AptInstall("hello=2.10-2")]);
    }

    [Fact]
    public async Task A_dry_run_install_simulates_and_changes_nothing_even_where_changes_are_refused()
    {
        var change = await Changer(allowed: false).InstallAsync("hello", null, true, Ct);

        change.ShouldBe(new PackageChange(null, "2.10-3", true));
        Changes().ShouldBeEmpty();
        _runner.Calls.ShouldContain(c => c.CommandLine == AptSimulateInstall("hello"));
    }

    [Fact]
    public async Task Without_permission_nothing_is_installed()
    {
        var error = await Should.ThrowAsync<HostProviderException>(() => Changer(allowed: false).InstallAsync("hello", null, false, Ct));

        error.Message.ShouldStartWith("installing package hello refused: host changes are disabled on this agent");
        Changes().ShouldBeEmpty();
    }

    [Fact]
    public async Task Remove_then_remove_again_changes_once()
    {
        var changer = Changer();
        await changer.InstallAsync("hello", null, false, Ct);

        (await changer.RemoveAsync("hello", false, Ct)).ShouldBe(new PackageChange("2.10-3", null, true));
        (await changer.RemoveAsync("hello", false, Ct)).ShouldBe(new PackageChange(null, null, false));

        Changes().ShouldBe([AptInstall("hello"), AptRemove("hello")]);
    }

    [Fact]
    public async Task A_dry_run_remove_answers_changed_and_removes_nothing()
    {
        (await Changer(allowed: false).RemoveAsync("dpkg", true, Ct)).ShouldBe(new PackageChange("1.21.22", null, true));

        Changes().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_removal_that_leaves_the_package_installed_is_an_error()
    {
        var error = await Should.ThrowAsync<HostProviderException>(() => Changer().RemoveAsync("dpkg", false, Ct));

        error.Message.ShouldBe("the removal of dpkg finished but dpkg 1.21.22 is still installed");
    }

    [Fact]
    public async Task Upgrade_applies_every_pending_upgrade_and_lists_them()
    {
        var upgraded = await Changer().UpgradeAsync(null, false, Ct);

        upgraded.Count.ShouldBe(142);
        Changes().ShouldBe([AptUpgrade]);
    }

    [Fact]
    public async Task Upgrade_of_named_packages_upgrades_only_those_with_an_upgrade_pending()
    {
        var upgraded = await Changer().UpgradeAsync(["bash", "hello", "dpkg"], false, Ct);

        upgraded.Select(u => u.Name).ShouldBe(["bash", "dpkg"]);
        Changes().ShouldBe([AptUpgradeOnly("bash", "dpkg")]);
    }

    [Fact]
    public async Task Upgrade_with_nothing_pending_changes_nothing()
    {
        _runner.Answer(AptPending, DebianPackageHost.Fixture("apt-get-s-upgrade-none.txt"));

        (await Changer(allowed: false).UpgradeAsync(null, false, Ct)).ShouldBeEmpty();
        (await Changer(allowed: false).UpgradeAsync(["hello"], false, Ct)).ShouldBeEmpty();

        Changes().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dry_run_upgrade_lists_what_would_be_upgraded()
    {
        var upgraded = await Changer(allowed: false).UpgradeAsync(["bash"], true, Ct);

        upgraded.ShouldBe([new PackageUpdate("bash", "5.2.15-2+b8", "5.2.15-2+b13")]);
        Changes().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_name_debian_does_not_allow_is_refused_before_anything_runs()
    {
        var error = await Should.ThrowAsync<HostProviderException>(() => Changer().InstallAsync("Hello_World", null, false, Ct));

        error.Message.ShouldBe("name: 'Hello_World' is not a Debian package name (2-128 of a-z 0-9 + . -, starting with a letter or digit)");
        _runner.Calls.ShouldBeEmpty();
    }

    private PackageChanger Changer(bool allowed = true) =>
        new(new PackageManagerLocator(FixtureMachine.Root(DebianPackageHost.Machine), new DebianPackages(_runner), new RpmPackages(_runner)), new HostChangeGuard(() => allowed));

    // The commands that change the host: apt-get without -s.
    private List<string> Changes() =>
        [.. _runner.Calls.Where(c => c.FileName == "apt-get" && c.Arguments[0] != "-s").Select(c => c.CommandLine)];
}
