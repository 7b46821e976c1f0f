using HostOps.Providers.Commands;
using HostOps.Providers.Files;
using HostOps.Providers.Network;
using HostOps.Providers.System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HostOps.Providers;

public static partial class ProvidersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the providers reading this host, the real <see cref="ICommandRunner"/> and the environment-based
    /// <see cref="HostChangeGuard"/>, and a <see cref="CommandPolicy"/> refusing commands and the default <see cref="FilePolicy"/> unless the
    /// host registered its own first. Everything is TryAdd, so a test registers a fake first and keeps it.
    /// </summary>
    public static IServiceCollection AddHostOpsProviders(this IServiceCollection services)
    {
        services.TryAddSingleton(HostRoot.Default);
        services.TryAddSingleton<ICommandRunner, ProcessCommandRunner>();
        services.TryAddSingleton<IMountStats, DriveInfoMountStats>();
        services.TryAddSingleton(_ => HostChangeGuard.FromEnvironment());
        services.TryAddSingleton(CommandPolicy.Disabled);
        services.TryAddSingleton(FilePolicy.Default);
        services.TryAddSingleton<HostnameProvider>();
        services.TryAddSingleton<UptimeProvider>();
        services.TryAddSingleton<LoadProvider>();
        services.TryAddSingleton<MemoryProvider>();
        services.TryAddSingleton<OsProvider>();
        services.TryAddSingleton<DiskProvider>();
        services.TryAddSingleton<DnsProvider>();
        services.TryAddSingleton<DnsUpdater>();
        services.TryAddSingleton<PingProvider>();
        AddDeclaredProviders(services);
        return services;
    }

    // Every class marked [HostProvider] (generated at build time by src/HostOps.Generators).
    private static partial void AddDeclaredProviders(IServiceCollection services);
}
