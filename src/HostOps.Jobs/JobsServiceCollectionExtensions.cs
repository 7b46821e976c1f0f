using HostOps.Jobs.Agents;
using HostOps.Jobs.Attempts;
using HostOps.Jobs.Client;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.DeadLetters;
using HostOps.Jobs.Events;
using HostOps.Jobs.Index;
using HostOps.Jobs.Provisioning;
using HostOps.Jobs.Store;
using HostOps.Jobs.Sweeps;
using HostOps.Jobs.Telemetry;
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
    /// <see cref="JobIndex"/> and <see cref="AgentDirectory"/> as hosted services, <see cref="JobClient"/>, and the
    /// <see cref="ResourceKeeper"/> (only the API side may create streams and buckets).
    /// </summary>
    public static IServiceCollection AddHostOpsJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostOpsJobCore(configuration);
        services.TryAddSingleton<JobEventFeed>();
        services.TryAddSingleton<JobChangeReplay>();
        services.TryAddSingleton<JobEventStreams>();
        services.TryAddSingleton<JobIndex>();
        services.TryAddSingleton<AgentDirectory>();
        services.AddHostedService(sp => sp.GetRequiredService<JobIndex>());
        services.AddHostedService(sp => sp.GetRequiredService<AgentDirectory>());
        services.TryAddSingleton<JobAttempts>();
        services.TryAddSingleton<JobSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<JobSweeper>());
        services.TryAddSingleton<JobClient>();
        services.TryAddSingleton<AgentEnrollments>();
        services.TryAddSingleton<JobQueueGauges>();
        services.AddHostedService<ResourceKeeper>();
        return services;
    }

    /// <summary>Registers the NATS connection (<c>nats:</c>), <c>JobOptions</c>, the buckets, the dead-letter office and the <see cref="Files.FileStore"/>.</summary>
    public static IServiceCollection AddHostOpsJobCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section));
        services.AddOptions<NatsConnectionOptions>().Bind(configuration.GetSection(NatsConnectionOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<JobMetrics>();
        services.TryAddSingleton<NatsConnectionMetrics>();
        services.TryAddSingleton<INatsConnection>(sp =>
        {
            var connection = new NatsConnection(NatsClientOptions.For(sp.GetRequiredService<IOptions<NatsConnectionOptions>>().Value));
            sp.GetRequiredService<NatsConnectionMetrics>().Watch(connection);
            return connection;
        });
        services.TryAddSingleton<JobBuckets>();
        services.TryAddSingleton<DeadLetterOffice>();
        services.TryAddSingleton<Files.FileStore>();
        return services;
    }
}
