using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the NATS connection (<c>nats:url</c>), <c>JobOptions</c>, <c>JobClient</c> and the watch-fed views
    /// (job index, agent directory) as hosted services.
    /// </summary>
    public static IServiceCollection AddHostOpsJobs(this IServiceCollection services, IConfiguration configuration) =>
        services;
}
