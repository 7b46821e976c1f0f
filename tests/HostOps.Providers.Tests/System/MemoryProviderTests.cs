using HostOps.Contracts.Operations;
using HostOps.Providers.System;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.System;

public sealed class MemoryProviderTests
{
    [Theory]
    [InlineData("debian12", 24683652UL, 24081164UL)]
    [InlineData("ubuntu2404", 16307480UL, 9876540UL)]
    [InlineData("rhel9", 3882008UL, 2611204UL)]
    public void Free_is_MemAvailable_and_used_the_rest(string machine, ulong totalKiB, ulong availableKiB) =>
        new MemoryProvider(FixtureMachine.Root(machine)).Read()
            .ShouldBe(new MemoryInfo(totalKiB * 1024, availableKiB * 1024, (totalKiB - availableKiB) * 1024));

    [Fact]
    public void Kernels_without_MemAvailable_count_free_buffers_and_cache_as_free()
    {
        const ulong free = (154236UL + 167408UL + 1093060UL) * 1024;
        new MemoryProvider(FixtureMachine.Root("centos6")).Read()
            .ShouldBe(new MemoryInfo(1922712UL * 1024, free, (1922712UL * 1024) - free));
    }

    [Fact]
    public void A_meminfo_without_MemTotal_is_refused()
    {
        using var machine = new TempMachine().Write("/proc/meminfo", "MemFree: 10 kB\n");
        Should.Throw<HostProviderException>(() => new MemoryProvider(machine.Root).Read())
            .Message.ShouldBe("/proc/meminfo has no MemTotal line");
    }
}
