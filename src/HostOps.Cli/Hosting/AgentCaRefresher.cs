using HostOps.Contracts.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HostOps.Cli.Hosting;

/// <summary>
/// Keeps a joined agent's CA bundle (<c>&lt;data_dir&gt;/tls/ca.pem</c>) current while it runs: every
/// <see cref="AgentCa.RefreshEvery"/> it fetches <c>GET /agent/ca</c> over HTTPS verified with the bundle it holds, so
/// a CA added for a rotation is trusted before the servers' certificates come from it. NATS reads the file at each
/// (re)connect.
/// </summary>
internal sealed partial class AgentCaRefresher(string dataDir, string api, ILogger<AgentCaRefresher> logger) : BackgroundService
{
    /// <summary>Adds the refresher for an agent enrolled through an HTTPS API (none for a local agent or a plain HTTP API).</summary>
    public static void AddTo(IServiceCollection services, string dataDir)
    {
        if (RemoteEnrollment.SavedApi(dataDir) is { } api && api.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            services.AddHostedService(provider => new AgentCaRefresher(dataDir, api, provider.GetRequiredService<ILogger<AgentCaRefresher>>()));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(AgentCa.RefreshEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var roots = CaBundle.Load(CaBundle.PathIn(dataDir));
            if (roots.Count == 0)
            {
                continue;
            }

            try
            {
                using var http = AgentCa.Client(api, roots);
                await AgentCa.RefreshAsync(http, dataDir, pinned: null, required: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(api, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the CA bundle from {Api}: {Reason}; keeping the one held")]
    private partial void LogRefreshFailed(string api, string reason);
}
