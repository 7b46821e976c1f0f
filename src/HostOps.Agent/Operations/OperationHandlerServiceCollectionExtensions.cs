using System.Diagnostics.CodeAnalysis;
using HostOps.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Agent.Operations;

public static partial class OperationHandlerServiceCollectionExtensions
{
    /// <summary>Registers one operation handler; the agent resolves all of them as <see cref="IOperationHandler"/>.</summary>
    public static IServiceCollection AddOperationHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where THandler : class, IOperationHandler =>
        services.AddSingleton<IOperationHandler, THandler>();

    /// <summary>
    /// Registers every operation handler of this assembly (the list is generated at build time, see
    /// src/HostOps.Generators) and the host providers they read. Needs an <see cref="AgentIdentity"/> registration:
    /// each result names the agent's hostname.
    /// </summary>
    public static IServiceCollection AddOperationHandlers(this IServiceCollection services) =>
        AddDeclaredHandlers(services.AddHostOpsProviders());

    private static partial IServiceCollection AddDeclaredHandlers(IServiceCollection services);
}
