using HostOps.Providers.Commands;
using HostOps.Providers.Packages;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Packages;

/// <summary>The package reads, run for real on this machine's dpkg and apt (they change nothing).</summary>
public sealed class RealPackageReaderTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static PackageReader Reader()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/dpkg-query"), "this machine has no dpkg-query");
        var runner = new ProcessCommandRunner(NullLogger<ProcessCommandRunner>.Instance);
        return new PackageReader(new PackageManagerLocator(HostRoot.Default, new DebianPackages(runner), new RpmPackages(runner)));
    }

    [Fact]
    public async Task Lists_the_installed_packages_dpkg_among_them()
    {
        var listing = await Reader().ListAsync(null, Ct);

        listing.Manager.ShouldBe("dpkg");
        listing.Total.ShouldBeGreaterThan(10);
        listing.Packages.Count.ShouldBe(Math.Min(listing.Total, 5000));
        var dpkg = listing.Packages.Single(p => p.Name == "dpkg");
        dpkg.Version.ShouldNotBeNullOrWhiteSpace();
        dpkg.Architecture.ShouldNotBeNullOrWhiteSpace();
        dpkg.Summary.ShouldBe("Debian package management system");
        listing.Packages.Select(p => p.Name).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_pattern_keeps_the_matching_names()
    {
        var listing = await Reader().ListAsync("dpk?*", Ct);

        listing.Packages.ShouldContain(p => p.Name == "dpkg");
        listing.Packages.ShouldAllBe(p => p.Name.StartsWith("dpk", StringComparison.Ordinal));
        listing.Truncated.ShouldBeFalse();
    }

    [Fact]
    public async Task Shows_dpkg_as_installed_at_the_version_dpkg_reports()
    {
        var runner = new ProcessCommandRunner(NullLogger<ProcessCommandRunner>.Instance);
        var version = (await runner.RunAsync("dpkg-query", ["-W", "-f=${Version}", "dpkg"], Ct)).StandardOutput;

        var detail = await Reader().ShowAsync("dpkg", Ct);

        detail.Installed.ShouldNotBeNull().Version.ShouldBe(version);
        detail.Installed.Name.ShouldBe("dpkg");
    }

    [Fact]
    public async Task A_package_that_is_not_installed_shows_as_such()
    {
        var detail = await Reader().ShowAsync("hostops-no-such-package", Ct);

        detail.Installed.ShouldBeNull();
        detail.Candidate.ShouldBeNull();
    }

    [Fact]
    public async Task Reads_the_pending_upgrades_by_simulation()
    {
        var pending = await Reader().PendingAsync(Ct);

        pending.ShouldAllBe(u => u.Name.Length > 0 && u.CurrentVersion.Length > 0 && u.NewVersion.Length > 0 && u.CurrentVersion != u.NewVersion);
    }
}
