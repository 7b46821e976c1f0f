using HostOps.Contracts.Jobs;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;

namespace HostOps.Jobs.Status;

/// <summary>
/// Which stored events count towards a job's status. Agents may be compromised, and what they write into an event is
/// theirs to choose; the key it is written under is not, since nats-server lets an agent write only keys that end in
/// its own host token, or the shared claim <c>started._</c> (see <see cref="Security.AgentPermissions"/>). So an event
/// counts only when its key says it was written by someone the job allows to act on it:
/// <list type="bullet">
/// <item>a claim (<c>started</c> key: started, completed or failed): the attempt's claim key of
/// <see cref="JobKeys.ClaimHost"/> — <c>_</c> for an <c>_any</c> job, the target's token for a host job (a <c>_</c> claim of
/// a host job is ignored), the host's own token for a broadcast that expected that host;</item>
/// <item>a <c>dlq</c> event: without a host (the API's), or by a host the job allows (any for <c>_any</c>, the target,
/// an expected host of a broadcast);</item>
/// <item>a <c>retried</c> event: only the API's (<c>_</c>), which agents may not write;</item>
/// </list>
/// and the event's own attempt, kind and hostname must agree with its key. Anything else is ignored.
/// </summary>
public static class EventAuthority
{
    /// <param name="route">The job's route (<see cref="JobSubjects.Route"/>).</param>
    /// <param name="expectedHosts">A broadcast's expected hosts; null for a single target.</param>
    public static bool Admits(string route, IReadOnlyList<string>? expectedHosts, JobEventKey key, JobEvent jobEvent)
    {
        if (jobEvent.Attempt != key.Attempt)
        {
            return false;
        }

        var byNoHost = key.Host == JobKeys.NoHost;
        switch (key.Kind)
        {
            case JobEventKind.Retried:
                return byNoHost && jobEvent.Kind == JobEventKind.Retried;
            case JobEventKind.Dlq:
                return jobEvent.Kind == JobEventKind.Dlq
                    && (byNoHost ? jobEvent.Hostname is null : IsHost(key.Host, jobEvent.Hostname) && MayAct(route, expectedHosts, key.Host));
            case JobEventKind.Started:
                return jobEvent.Kind is JobEventKind.Started or JobEventKind.Completed or JobEventKind.Failed
                    && jobEvent.Hostname is { } hostname
                    && key.Host == JobKeys.ClaimHost(route, hostname)
                    && (byNoHost || IsHost(key.Host, hostname))
                    && (byNoHost || MayAct(route, expectedHosts, key.Host));
            default:
                return false;
        }
    }

    // The key's host token is the one nats-server vouches for; the event's hostname must be that host's.
    private static bool IsHost(string keyHost, string? hostname) =>
        hostname is not null && string.Equals(HostToken.From(hostname), keyHost, StringComparison.OrdinalIgnoreCase);

    // Whether the host with this token is one the job was sent to.
    private static bool MayAct(string route, IReadOnlyList<string>? expectedHosts, string hostToken)
    {
        if (route == JobSubjects.AnyRoute)
        {
            return true;
        }

        if (JobSubjects.HostOfRoute(route) is { } target)
        {
            return string.Equals(target, hostToken, StringComparison.OrdinalIgnoreCase);
        }

        return expectedHosts is not null && expectedHosts.Any(h => string.Equals(HostToken.From(h), hostToken, StringComparison.OrdinalIgnoreCase));
    }
}
