using HostOps.Api.Audit;
using HostOps.Api.Cluster;
using HostOps.Api.Configuration;
using HostOps.Api.Endpoints.Jobs;
using HostOps.Api.Health;
using HostOps.Api.Json;
using HostOps.Api.OpenApi;
using HostOps.Api.Operations;
using HostOps.Api.Security;
using HostOps.Jobs.Events;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HostOps.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Registers the API's options (validated on start), JSON, auth, CORS, OpenAPI and endpoint services. Needs <c>AddHostOpsJobs</c>.</summary>
    public static IServiceCollection AddHostOpsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiServerOptions>().Bind(configuration.GetSection(ApiServerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiServerOptions>, ApiServerOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.ConfigureHttpJsonOptions(HttpJsonSetup.Configure);
        // Binding failures become exceptions so the exception handler can answer them with the error body.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddHostOpsAuth();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ApiServerOptions>>((cors, api) =>
        {
            var origins = api.Value.Security.Cors.AllowOrigins;
            cors.AddDefaultPolicy(policy =>
            {
                if (origins.Contains("*"))
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins([.. origins]);
                }

                policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Retry-After", "Location");
            });
        });

        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddOperationTransformer<BearerSecurityTransformer>();
            o.AddOperationTransformer<ResponseDescriptionTransformer>();
            o.AddDocumentTransformer<OmittedNullsTransformer>();
        });

        services.AddSingleton<ApiProcessInfo>();
        services.AddSingleton<NatsProbe>();
        services.AddSingleton<HealthReporter>();
        services.AddSingleton<NodeOperationRunner>();
        services.AddSingleton<EventStreamLimiter>();
        services.AddOptions<JobEventFeedOptions>().Configure<IOptions<ApiServerOptions>>((feed, api) =>
        {
            feed.ClientBuffer = api.Value.Events.ClientBuffer;
            feed.ReplayBuffer = api.Value.Events.ReplayBuffer;
        });
        services.AddHttpContextAccessor();

        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddSingleton<AuditRecorder>();
        services.AddSingleton<AuditLogReader>();
        services.AddHostedService<AuditWriter>();
        services.AddSingleton<Telemetry.RefusalMetrics>();
        return services;
    }

    /// <summary>
    /// Lets <c>POST /cluster/join</c> hand a new server the material of the cluster, read from the control plane's
    /// data directory <paramref name="dataDir"/> (an API elsewhere answers 404).
    /// </summary>
    public static IServiceCollection AddClusterMaterial(this IServiceCollection services, string dataDir) =>
        services.AddSingleton(sp => new ClusterMaterial(dataDir, sp.GetRequiredService<IOptions<HostOps.Jobs.Configuration.NatsConnectionOptions>>(), sp.GetRequiredService<IConfiguration>()));
}
