using HostOps.Contracts.Operations;
using HostOps.Providers.System;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.System;

public sealed class OsProviderTests
{
    [Theory]
    [InlineData("debian12", "Debian GNU/Linux", "12")]
    [InlineData("ubuntu2404", "Ubuntu", "24.04")]
    [InlineData("alpine320", "Alpine Linux", "3.20.3")]
    [InlineData("rhel9", "Red Hat Enterprise Linux", "9.4")]
    public void Reads_NAME_and_VERSION_ID_of_etc_os_release(string machine, string distribution, string version) =>
        new OsProvider(FixtureMachine.Root(machine)).Read().ShouldBe(new OsInfo(distribution, version));

    [Fact]
    public void Falls_back_to_usr_lib_os_release_and_an_empty_version_on_rolling_releases() =>
        new OsProvider(FixtureMachine.Root("arch")).Read().ShouldBe(new OsInfo("Arch Linux", string.Empty));

    [Fact]
    public void Uses_ID_when_NAME_is_missing_and_understands_quoting()
    {
        using var machine = new TempMachine().Write("/etc/os-release", "# comment\nID=gentoo\nVERSION_ID='2.15'\nX=\"a \\\"b\\\"\"\n");
        new OsProvider(machine.Root).Read().ShouldBe(new OsInfo("gentoo", "2.15"));
    }

    [Fact]
    public void A_host_without_os_release_is_reported() =>
        Should.Throw<HostProviderException>(() => new OsProvider(FixtureMachine.Root("centos6")).Read())
            .Message.ShouldBe("neither /etc/os-release nor /usr/lib/os-release exists on this host");
}
