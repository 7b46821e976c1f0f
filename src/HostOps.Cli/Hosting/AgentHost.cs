using HostOps.Agent;
using HostOps.Agent.Admission;
using HostOps.Cli.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HostOps.Cli.Hosting;

/// <summary>
/// Builds the agent's host from the CLI's configuration plus its connection settings (its own NATS identity
/// and inbox prefix). <c>hostops start</c> runs it beside the API in the same process, with its own connection:
/// the agent never uses the control plane's identity.
/// </summary>
internal static class AgentHost
{
    public static IHost Create(LoadedConfiguration loaded, IDictionary<string, string?> connection, Action<IServiceCollection>? configureAgent)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(loaded.Configuration);
        builder.Configuration.AddInMemoryCollection(connection);
        builder.Logging.UseCliConsole(loaded.Configuration);
        builder.Services.AddHostOpsAgent(builder.Configuration);
        configureAgent?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// The agent's settings when it runs in the API's process (<c>hostops start</c>): no metrics listener or trace export
    /// of its own, since the API's export every HostOps meter and span of the process, the agent's included.
    /// </summary>
    public static IDictionary<string, string?> SharingApiTelemetry(IDictionary<string, string?> connection) =>
        new Dictionary<string, string?>(connection)
        {
            [HostOps.Jobs.Telemetry.MetricsListenAddress.Key] = "",
            [HostOps.Jobs.Telemetry.TelemetryServiceCollectionExtensions.OtlpEndpointKey] = "",
        };

    /// <summary>
    /// Runs a started agent until it stops: on <paramref name="cancellationToken"/> (Ctrl-C), when its host is told to
    /// stop, or by itself once NATS no longer admits its identity (<see cref="RevocationWatch"/>); then says why in one
    /// line on <paramref name="error"/>. True when it stopped because its identity was revoked.
    /// </summary>
    public static async Task<bool> RunUntilStoppedAsync(IHost agent, TextWriter error, CancellationToken cancellationToken)
    {
        await agent.WaitForShutdownAsync(cancellationToken);
        if (agent.Services.GetRequiredService<RevocationWatch>().Reason is not { } revoked)
        {
            return false;
        }

        await error.WriteLineAsync($"hostops: {revoked}");
        return true;
    }

    /// <summary>
    /// Stops a started agent once NATS no longer admits its identity, saying why in one line on <paramref name="error"/>:
    /// for the agent <c>hostops start</c> runs beside the API, which goes on without it. False when
    /// <paramref name="cancellationToken"/> ends the wait first (the caller stops the agent then).
    /// </summary>
    public static async Task<bool> StopWhenRevokedAsync(IHost agent, TextWriter error, CancellationToken cancellationToken)
    {
        string revoked;
        try
        {
            revoked = await agent.Services.GetRequiredService<RevocationWatch>().Revoked.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        await error.WriteLineAsync($"hostops: {revoked}");
        await agent.StopAsync(CancellationToken.None);
        return true;
    }

    /// <summary>
    /// Where the agent's identity comes from: <c>nats.nkey_file</c> when set; on the control plane's host it enrolls
    /// by itself; elsewhere it joins through the API (join token, or pending until accepted) or reuses the
    /// enrollment saved in its data directory. With none of these it connects anonymously (a NATS that allows it).
    /// </summary>
    public static async Task<IDictionary<string, string?>> ConnectionAsync(
        HostOpsSettings settings, LoadedConfiguration loaded, TextWriter output, CancellationToken cancellationToken)
    {
        if (settings.Nats.NkeyFile is { Length: > 0 })
        {
            return new Dictionary<string, string?>();
        }

        return FleetIdentities.LocalApi(settings.DataDir) is { } api
            ? await LocalEnrollment.EnsureAsync(settings, api, output, cancellationToken)
            : await RemoteEnrollment.EnsureAsync(settings, loaded, output, cancellationToken);
    }
}
