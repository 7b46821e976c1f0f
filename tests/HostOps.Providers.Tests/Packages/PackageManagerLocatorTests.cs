using HostOps.Providers.Packages;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Packages;

public sealed class PackageManagerLocatorTests
{
    private static readonly FakeCommandRunner Runner = new();

    [Theory]
    [InlineData("debian12", "dpkg")]
    [InlineData("ubuntu2404", "dpkg")]
    [InlineData("rhel9", "rpm")]
    public void Picks_the_tools_by_os_release(string machine, string manager) =>
        Locator(FixtureMachine.Root(machine)).Find().Name.ShouldBe(manager);

    [Fact]
    public void A_distribution_like_rhel_uses_rpm()
    {
        using var machine = new TempMachine().Write("/etc/os-release", "ID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\n");

        Locator(machine.Root).Find().Name.ShouldBe("rpm");
    }

    [Fact]
    public void Without_a_known_distribution_the_installed_tools_decide()
    {
        using var machine = new TempMachine().Write("/etc/os-release", "ID=mystery\n").Write("/usr/bin/dpkg-query", "");

        Locator(machine.Root).Find().Name.ShouldBe("dpkg");
    }

    [Fact]
    public void A_host_without_known_tools_says_so()
    {
        var error = Should.Throw<HostProviderException>(() => Locator(FixtureMachine.Root("alpine320")).Find());

        error.Message.ShouldBe("this host has no package tools HostOps knows (dpkg and apt, or rpm and dnf)");
    }

    private static PackageManagerLocator Locator(HostRoot root) => new(root, new DebianPackages(Runner), new RpmPackages(Runner));
}
