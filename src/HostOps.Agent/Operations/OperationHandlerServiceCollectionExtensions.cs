using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Agent.Operations;

public static class OperationHandlerServiceCollectionExtensions
{
    /// <summary>Registers one operation handler; the agent resolves all of them as <see cref="IOperationHandler"/>.</summary>
    public static IServiceCollection AddOperationHandler<THandler>(this IServiceCollection services)
        where THandler : class, IOperationHandler =>
        services.AddSingleton<IOperationHandler, THandler>();

    /// <summary>Registers every operation handler the agent ships with.</summary>
    public static IServiceCollection AddOperationHandlers(this IServiceCollection services) => services;
}
