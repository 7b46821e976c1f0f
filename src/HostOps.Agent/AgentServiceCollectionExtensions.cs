using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Agent;

public static class AgentServiceCollectionExtensions
{
    /// <summary>Registers the agent (consumers, operation handlers, heartbeat) as hosted services. Needs <c>AddHostOpsJobs</c>.</summary>
    public static IServiceCollection AddHostOpsAgent(this IServiceCollection services, IConfiguration configuration) =>
        services;
}
