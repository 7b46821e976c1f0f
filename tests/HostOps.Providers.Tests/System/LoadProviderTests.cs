using HostOps.Contracts.Operations;
using HostOps.Providers.System;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.System;

public sealed class LoadProviderTests
{
    [Fact]
    public void Reads_the_three_averages_of_proc_loadavg()
    {
        new LoadProvider(FixtureMachine.Root("debian12")).Read().ShouldBe(new LoadAverage(2.49, 1.21, 0.56));
        new LoadProvider(FixtureMachine.Root("ubuntu2404")).Read().ShouldBe(new LoadAverage(1.05, 0.87, 0.66));
        new LoadProvider(FixtureMachine.Root("alpine320")).Read().ShouldBe(new LoadAverage(0, 0.01, 0.05));
    }

    [Fact]
    public void Reports_garbage_as_unexpected_content() =>
        Should.Throw<HostProviderException>(() => new LoadProvider(FixtureMachine.Root("broken")).Read())
            .Message.ShouldBe("/proc/loadavg has unexpected content: 'garbage'");
}
