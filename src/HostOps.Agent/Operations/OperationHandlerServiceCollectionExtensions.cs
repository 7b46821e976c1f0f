using System.Diagnostics.CodeAnalysis;
using HostOps.Agent.Operations.Network;
using HostOps.Agent.Operations.System;
using HostOps.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Agent.Operations;

public static class OperationHandlerServiceCollectionExtensions
{
    /// <summary>Registers one operation handler; the agent resolves all of them as <see cref="IOperationHandler"/>.</summary>
    public static IServiceCollection AddOperationHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where THandler : class, IOperationHandler =>
        services.AddSingleton<IOperationHandler, THandler>();

    /// <summary>
    /// Registers every built-in operation handler and the host providers they read. Needs an
    /// <see cref="AgentIdentity"/> registration: each result names the agent's hostname.
    /// </summary>
    public static IServiceCollection AddOperationHandlers(this IServiceCollection services) =>
        services
            .AddHostOpsProviders()
            .AddOperationHandler<HostnameGetHandler>()
            .AddOperationHandler<UptimeGetHandler>()
            .AddOperationHandler<OsGetHandler>()
            .AddOperationHandler<DiskGetHandler>()
            .AddOperationHandler<MemoryGetHandler>()
            .AddOperationHandler<LoadGetHandler>()
            .AddOperationHandler<StatusGetHandler>()
            .AddOperationHandler<DnsGetHandler>()
            .AddOperationHandler<DnsUpdateHandler>()
            .AddOperationHandler<PingDoHandler>();
}
