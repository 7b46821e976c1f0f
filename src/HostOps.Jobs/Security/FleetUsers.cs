using HostOps.Contracts.Agents;
using HostOps.Jobs.Configuration;
using HostOps.Nats.Auth;

namespace HostOps.Jobs.Security;

/// <summary>The identities a managed nats-server accepts: the control plane's, and each accepted agent's with its permissions.</summary>
public static class FleetUsers
{
    public static IReadOnlyList<NatsUser> For(JobOptions options, string apiPublicKey, IEnumerable<AgentEnrollment> enrollments) =>
    [
        NatsUser.Everything("api", apiPublicKey),
        .. enrollments
            .Where(e => e.State == AgentStates.Accepted && NkeySeedFile.IsUserPublicKey(e.PublicKey) && e.PublicKey != apiPublicKey)
            .DistinctBy(e => e.PublicKey)
            .OrderBy(e => e.Hostname, StringComparer.Ordinal)
            .Select(e => new NatsUser(
                $"agent {e.Hostname}{(e.Draining ? " (draining)" : "")}",
                e.PublicKey,
                AgentPermissions.Publish(options, e.Hostname, e.Labels, e.Draining),
                AgentPermissions.Subscribe(e.Hostname))),
    ];
}
