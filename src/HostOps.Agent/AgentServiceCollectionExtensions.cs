using HostOps.Agent.Admission;
using HostOps.Agent.Consuming;
using HostOps.Agent.Heartbeat;
using HostOps.Agent.Operations;
using HostOps.Agent.Telemetry;
using HostOps.Jobs;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Telemetry;
using HostOps.Providers.Commands;
using HostOps.Providers.Files;
using HostOps.Providers.System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HostOps.Agent;

public static class AgentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the agent: its identity (<c>job.worker.hostname</c>, default the kernel's hostname; <c>job.worker.labels</c>),
    /// what it lets <c>command.exec.do</c> run (<c>job.worker.command</c>), where the file operations may read and write
    /// (<c>job.worker.files</c>),
    /// the operation handlers, the consumer pipeline, the heartbeat and the <see cref="RevocationWatch"/> (which stops the
    /// agent once NATS no longer admits its identity), as hosted services; and its metrics listener and trace export when
    /// <c>metrics.listen</c> / <c>telemetry.otlp.endpoint</c> are set.
    /// </summary>
    public static IServiceCollection AddHostOpsAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostOpsJobCore(configuration);
        services.TryAddSingleton(sp => AgentIdentity.Of(sp.GetRequiredService<IOptions<JobOptions>>().Value.Worker, sp.GetRequiredService<HostnameProvider>()));
        services.TryAddSingleton(sp => CommandPolicyOf(sp.GetRequiredService<IOptions<JobOptions>>().Value.Worker.Command));
        services.TryAddSingleton(sp => FilePolicyOf(sp.GetRequiredService<IOptions<JobOptions>>().Value.Worker.Files));
        services.AddOperationHandlers();
        services.TryAddSingleton<OperationDispatcher>();
        services.TryAddSingleton<HeldAttempts>();
        services.TryAddSingleton<AgentMetrics>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<AgentWorker>();
        services.TryAddSingleton<RevocationWatch>();

        // Hosts stop services in reverse order: the worker drains its jobs before the heartbeat removes the key.
        services.AddHostedService<HeartbeatService>();
        services.AddHostedService(sp => sp.GetRequiredService<AgentWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<RevocationWatch>());
        services.AddHostOpsTelemetry(configuration, "hostops-agent");
        return services;
    }

    /// <summary>What <c>command.exec.do</c> may run here: <c>job.worker.command.enabled</c> and <c>.allow</c>.</summary>
    public static CommandPolicy CommandPolicyOf(JobWorkerCommandOptions options) => new(options.Enabled, [.. options.Allow]);

    /// <summary>Where the file operations may read and write here: <c>job.worker.files.allow</c>, or the default directories.</summary>
    public static FilePolicy FilePolicyOf(JobWorkerFilesOptions options) =>
        options.Allow is { Count: > 0 } allow ? new FilePolicy([.. allow]) : FilePolicy.Default;
}
