using HostOps.Jobs.Agents;
using HostOps.Jobs.Attempts;
using HostOps.Jobs.Client;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.DeadLetters;
using HostOps.Jobs.Index;
using HostOps.Jobs.Provisioning;
using HostOps.Jobs.Store;
using HostOps.Jobs.Sweeps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace HostOps.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the API side needs: the core (see <see cref="AddHostOpsJobCore"/>), the watch-fed
    /// <see cref="JobIndex"/> and <see cref="AgentDirectory"/> as hosted services, and <see cref="JobClient"/>.
    /// </summary>
    public static IServiceCollection AddHostOpsJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostOpsJobCore(configuration);
        services.TryAddSingleton<JobIndex>();
        services.TryAddSingleton<AgentDirectory>();
        services.AddHostedService(sp => sp.GetRequiredService<JobIndex>());
        services.AddHostedService(sp => sp.GetRequiredService<AgentDirectory>());
        services.TryAddSingleton<JobAttempts>();
        services.TryAddSingleton<JobSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<JobSweeper>());
        services.TryAddSingleton<JobClient>();
        return services;
    }

    /// <summary>Registers the NATS connection (<c>nats:url</c>), <c>JobOptions</c>, the buckets and the dead-letter office.</summary>
    public static IServiceCollection AddHostOpsJobCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section));
        services.AddOptions<NatsConnectionOptions>().Bind(configuration.GetSection(NatsConnectionOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<INatsConnection>(sp => new NatsConnection(new NatsOpts
        {
            Url = sp.GetRequiredService<IOptions<NatsConnectionOptions>>().Value.Url,
            Name = "hostops",
            MaxReconnectRetry = -1,

            // Back within about a second of a restarted server, not the client's default 2-5 s.
            ReconnectWaitMin = TimeSpan.FromMilliseconds(200),
            ReconnectWaitMax = TimeSpan.FromSeconds(1),
        }));
        services.TryAddSingleton<JobBuckets>();
        services.TryAddSingleton<DeadLetterOffice>();
        services.AddHostedService<ResourceKeeper>();
        return services;
    }
}
