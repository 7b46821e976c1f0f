using HostOps.Contracts.Operations.Packages;
using HostOps.Providers.Commands;
using HostOps.Providers.Packages;
using HostOps.Testing.Fakes;
using HostOps.Testing.Packages;
using Shouldly;
using Xunit;
using static HostOps.Testing.Packages.PackageCommandLines;

namespace HostOps.Providers.Tests.Packages;

/// <summary>dpkg-query, apt-cache and apt-get as captured on Debian 12 (fixtures debian12/packages).</summary>
public sealed class DebianPackagesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FakeCommandRunner _runner = new FakeCommandRunner().AsDebianPackageHost();

    private DebianPackages Packages => new(_runner);

    [Fact]
    public async Task Lists_every_line_of_dpkg_query()
    {
        var packages = await Packages.ListAsync(Ct);

        packages.Count.ShouldBe(40);
        packages[0].ShouldBe(new InstalledPackage("adduser", "3.134", "all", "add and remove users and groups"));
        _runner.Calls.ShouldHaveSingleItem().Options.Environment["LC_ALL"].ShouldBe("C");
    }

    [Fact]
    public async Task Only_installed_and_held_packages_count_not_removed_ones_keeping_configuration()
    {
        _runner.Answer(DpkgList, "a\t1\tamd64\tii \tinstalled\nb\t2\tamd64\trc \tremoved, config kept\nc\t3\tall\thi \theld\nd\t4\tamd64\tiU \tunpacked only\ne\t5\tamd64\tii \t\n");

        var packages = await Packages.ListAsync(Ct);

        packages.ShouldBe([new("a", "1", "amd64", "installed"), new("c", "3", "all", "held"), new("e", "5", "amd64", null)]);
    }

    [Fact]
    public async Task Finds_an_installed_package_and_not_a_missing_one()
    {
        (await Packages.FindAsync("dpkg", Ct)).ShouldBe(new InstalledPackage("dpkg", "1.21.22", "amd64", "Debian package management system"));
        (await Packages.FindAsync("hello", Ct)).ShouldBeNull();
        _runner.Calls.Select(c => c.Arguments[^2]).ShouldAllBe(a => a == "--");
    }

    [Fact]
    public async Task A_dpkg_query_failure_other_than_not_found_is_an_error()
    {
        _runner.Answer(DpkgFind("dpkg"), new CommandResult(2, "", "dpkg-query: error: cannot access archive"));

        (await Should.ThrowAsync<HostProviderException>(() => Packages.FindAsync("dpkg", Ct))).Message.ShouldBe("dpkg-query failed: dpkg-query: error: cannot access archive");
    }

    [Theory]
    [InlineData("hello", "2.10-3")]
    [InlineData("dpkg", "1.21.23")]
    [InlineData("not-known", null)]
    public async Task The_candidate_is_apt_cache_policys(string name, string? candidate) =>
        (await Packages.CandidateAsync(name, Ct)).ShouldBe(candidate);

    [Fact]
    public async Task Pending_upgrades_are_the_inst_lines_of_a_simulated_upgrade()
    {
        var pending = await Packages.PendingAsync(Ct);

        pending.Count.ShouldBe(142);
        pending[0].ShouldBe(new PackageUpdate("base-files", "12.4+deb12u11", "12.4+deb12u15"));
        pending.ShouldContain(new PackageUpdate("libgcrypt20-dev", "1.10.1-3", "1.10.1-3+deb12u1"));
        pending.Select(p => p.Name).Distinct().Count().ShouldBe(142);
    }

    [Fact]
    public async Task Nothing_pending_is_an_empty_list()
    {
        _runner.Answer(AptPending, DebianPackageHost.Fixture("apt-get-s-upgrade-none.txt"));

        (await Packages.PendingAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Checking_an_install_simulates_it_and_answers_the_version()
    {
        (await Packages.CheckInstallAsync("hello", null, Ct)).ShouldBe("2.10-3");

        _runner.Calls.ShouldHaveSingleItem().CommandLine.ShouldBe(AptSimulateInstall("hello"));
    }

    [Fact]
    public async Task Checking_an_install_of_an_unknown_package_says_what_apt_said()
    {
        var error = await Should.ThrowAsync<HostProviderException>(() => Packages.CheckInstallAsync("nosuchpkg-xyz", null, Ct));

        error.Message.ShouldBe("apt-get cannot install nosuchpkg-xyz: Unable to locate package nosuchpkg-xyz");
    }

    [Fact]
    public async Task Installs_without_questions_after_double_dash_with_a_long_time_limit()
    {
        await Packages.InstallAsync("hello", "2.10-3", Ct);

        var call = _runner.Calls.ShouldHaveSingleItem();
        call.Arguments.ShouldBe([
            "install", "-y", "-q", "-o", "Dpkg::Options::=--force-confdef", "-o", "Dpkg::Options::=--force-confold",
            "-o", "DPkg::Lock::Timeout=300", "--no-install-recommends", "--", "hello=2.10-3",
        ]);
        call.Options.Environment["DEBIAN_FRONTEND"].ShouldBe("noninteractive");
        call.Options.Timeout.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_failed_apt_get_names_its_error_lines()
    {
        _runner.Answer(AptRemove("dpkg"), new CommandResult(100, "Reading package lists...\n", "W: a warning\nE: Essential packages were removed and -y was used without --allow-remove-essential.\n"));

        var error = await Should.ThrowAsync<HostProviderException>(() => Packages.RemoveAsync("dpkg", Ct));

        error.Message.ShouldBe("apt-get remove failed: Essential packages were removed and -y was used without --allow-remove-essential.");
    }

    [Fact]
    public async Task Upgrades_all_or_only_the_named_packages()
    {
        await Packages.UpgradeAsync(null, Ct);
        await Packages.UpgradeAsync(["bash", "dpkg"], Ct);

        _runner.Calls.Select(c => c.CommandLine).ShouldBe([AptUpgrade, AptUpgradeOnly("bash", "dpkg")]);
    }

    [Theory]
    [InlineData("hello", true)]
    [InlineData("libstdc++6", true)]
    [InlineData("Hello", false)]
    [InlineData("foo_bar", false)]
    [InlineData("a", false)]
    public void Refuses_names_debian_does_not_allow(string name, bool allowed) =>
        (Packages.RefuseName("name", name) is null).ShouldBe(allowed);
}
