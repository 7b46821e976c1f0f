using HostOps.Providers.System;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.System;

public sealed class HostnameProviderTests
{
    [Fact]
    public void Reads_the_kernel_hostname() =>
        new HostnameProvider(FixtureMachine.Root("ubuntu2404")).Read().ShouldBe("ubuntu-web-01");

    [Fact]
    public void Falls_back_to_the_machine_name_when_proc_has_none() =>
        new HostnameProvider(FixtureMachine.Root("centos6")).Read().ShouldBe(Environment.MachineName);

    [Fact]
    public void Reads_this_machine() =>
        new HostnameProvider(HostRoot.Default).Read().ShouldNotBeNullOrWhiteSpace();
}
