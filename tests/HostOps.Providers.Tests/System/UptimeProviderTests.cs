using HostOps.Providers.System;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.System;

public sealed class UptimeProviderTests
{
    [Theory]
    [InlineData("debian12", 730.37)]
    [InlineData("ubuntu2404", 1234567.89)]
    [InlineData("alpine320", 86399.99)]
    [InlineData("rhel9", 1.2)]
    public void Reads_the_first_field_of_proc_uptime(string machine, double seconds) =>
        new UptimeProvider(FixtureMachine.Root(machine)).Read().ShouldBe(seconds);

    [Fact]
    public void Reports_an_empty_file_as_unexpected_content() =>
        Should.Throw<HostProviderException>(() => new UptimeProvider(FixtureMachine.Root("broken")).Read())
            .Message.ShouldStartWith("/proc/uptime has unexpected content");

    [Fact]
    public void Reports_a_missing_file_by_its_host_path() =>
        Should.Throw<HostProviderException>(() => new UptimeProvider(FixtureMachine.Root("centos6")).Read())
            .Message.ShouldBe("/proc/uptime does not exist on this host");

    [Fact]
    public void Reads_this_machine() =>
        new UptimeProvider(HostRoot.Default).Read().ShouldBeGreaterThan(0);
}
