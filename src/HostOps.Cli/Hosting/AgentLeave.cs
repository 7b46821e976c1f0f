using System.Net.Http.Json;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Json;
using HostOps.Nats.Auth;

namespace HostOps.Cli.Hosting;

/// <summary>
/// An uninstalled agent asks the control plane it enrolled with to remove it (<c>POST /agent/leave</c>, signed with
/// its nkey, over the CA it trusts), so its identity is revoked without an admin. When the API cannot be reached the
/// uninstall goes on and says how an admin removes it.
/// </summary>
internal static class AgentLeave
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The line that says what happened; null for an agent that did not enroll through an API (no <paramref name="saved"/>).</summary>
    public static async Task<string?> TryAsync(SavedEnrollment? saved, string dataDir, string clientCaFile, CancellationToken cancellationToken)
    {
        var seedPath = FleetIdentities.AgentSeedPath(dataDir);
        if (saved is null || !File.Exists(seedPath))
        {
            return null;
        }

        var hostname = saved.Enrollment.Hostname;
        var removeThere = $"remove it there with: hostops client agent remove {hostname}";
        var agent = NkeySeedFile.Load(seedPath);
        var now = DateTimeOffset.UtcNow;
        var request = new LeaveAgentRequest(hostname, agent.PublicKey, now, agent.Sign(LeaveAgentRequest.SignedText(hostname, agent.PublicKey, now)));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var roots = await AgentCa.RootsAsync(dataDir, saved.Api, null, clientCaFile, timeout.Token);
            using var http = AgentCa.Client(saved.Api, roots);
            using var response = await http.PostAsJsonAsync("agent/leave", request, HostOpsJsonContext.Default.LeaveAgentRequest, timeout.Token);
            return response.IsSuccessStatusCode
                ? $"Removed {hostname} from the fleet at {saved.Api}."
                : $"The control plane at {saved.Api} did not remove {hostname} ({(int)response.StatusCode}: {await RemoteEnrollment.ErrorOf(response, timeout.Token)}); {removeThere}";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"Could not reach the control plane at {saved.Api} ({e.Message}); {removeThere}";
        }
    }
}
