using HostOps.Providers.Commands;
using HostOps.Providers.Network;
using HostOps.Providers.System;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests;

public sealed class ProvidersServiceCollectionExtensionsTests
{
    [Fact]
    public void Registers_every_provider_on_the_real_host_with_the_real_command_runner()
    {
        using var services = new ServiceCollection().AddLogging().AddHostOpsProviders().BuildServiceProvider();

        services.GetRequiredService<HostRoot>().ShouldBe(HostRoot.Default);
        services.GetRequiredService<ICommandRunner>().ShouldBeOfType<ProcessCommandRunner>();
        services.GetRequiredService<IMountStats>().ShouldBeOfType<DriveInfoMountStats>();
        services.GetRequiredService<UptimeProvider>().ShouldNotBeNull();
        services.GetRequiredService<LoadProvider>().ShouldNotBeNull();
        services.GetRequiredService<MemoryProvider>().ShouldNotBeNull();
        services.GetRequiredService<OsProvider>().ShouldNotBeNull();
        services.GetRequiredService<DiskProvider>().ShouldNotBeNull();
        services.GetRequiredService<HostnameProvider>().ShouldNotBeNull();
        services.GetRequiredService<DnsProvider>().ShouldNotBeNull();
        services.GetRequiredService<DnsUpdater>().ShouldNotBeNull();
        services.GetRequiredService<PingProvider>().ShouldNotBeNull();
    }

    [Fact]
    public void Keeps_fakes_registered_before_it()
    {
        var runner = new FakeCommandRunner();
        using var services = new ServiceCollection()
            .AddSingleton<ICommandRunner>(runner)
            .AddSingleton(FixtureMachine.Root("rhel9"))
            .AddLogging()
            .AddHostOpsProviders()
            .BuildServiceProvider();

        services.GetRequiredService<ICommandRunner>().ShouldBeSameAs(runner);
        services.GetRequiredService<OsProvider>().Read().Distribution.ShouldBe("Red Hat Enterprise Linux");
    }

    [Fact]
    public async Task The_real_DNS_updater_refuses_to_touch_this_host_without_HOSTOPS_ALLOW_HOST_CHANGES()
    {
        // Were the variable set here, this test would rewrite the machine's resolver: refuse to run instead.
        Assert.SkipWhen(
            Environment.GetEnvironmentVariable(HostChangeGuard.VariableName) == "1",
            $"{HostChangeGuard.VariableName}=1 is set; the real updater would change this host");
        using var services = new ServiceCollection().AddLogging().AddHostOpsProviders().BuildServiceProvider();
        var resolvConf = File.Exists("/etc/resolv.conf") ? await File.ReadAllTextAsync("/etc/resolv.conf", TestContext.Current.CancellationToken) : null;

        var error = await Should.ThrowAsync<HostProviderException>(() => services.GetRequiredService<DnsUpdater>()
            .UpdateAsync("lo", ["192.0.2.53"], ["refused.example"], TestContext.Current.CancellationToken));

        error.Message.ShouldContain("HOSTOPS_ALLOW_HOST_CHANGES=1");
        (File.Exists("/etc/resolv.conf") ? await File.ReadAllTextAsync("/etc/resolv.conf", TestContext.Current.CancellationToken) : null)
            .ShouldBe(resolvConf);
    }
}
