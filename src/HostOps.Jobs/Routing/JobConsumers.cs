using System.Security.Cryptography;
using System.Text;
using HostOps.Jobs.Configuration;
using NATS.Client.JetStream.Models;

namespace HostOps.Jobs.Routing;

/// <summary>
/// The durable consumers agents pull from, one per route (nats-server 2.9 allows one filter subject per
/// consumer): <c>_any</c> is shared by every agent, so exactly one runs each job, and is made by the API side's
/// provisioning; <c>_all</c>, the host route and each label prefix are the agent's own, made by the agent and
/// removed by the server once unused for <c>job.consumer.inactive_threshold</c>. The names are fixed by host and
/// route, so an agent's NATS permissions can list exactly its own consumers.
/// The server's <c>max_deliver</c> is one more than configured (a safety net: the agent dead-letters on the last
/// configured delivery). Redelivery delays come from the agent's naks, not the consumer's BackOff, which on
/// nats-server silently replaces AckWait with its first step.
/// </summary>
public static class JobConsumers
{
    public const string SharedName = "hostops-any";

    /// <summary>The consumer names an agent with these routes pulls from (the shared one included).</summary>
    public static IReadOnlyList<string> NamesFor(string hostname, IEnumerable<string> routes) => [.. routes.Select(r => NameOf(hostname, r))];

    /// <summary>
    /// A consumer name no other agent or route maps to: a readable part (host and route, as name tokens) plus the
    /// first 12 hex digits of SHA-256 over the exact hostname and route, so <c>group: web.dev</c> and
    /// <c>group_web: dev</c>, or hosts <c>a.b</c> and <c>a_b</c>, get different consumers.
    /// </summary>
    public static string NameOf(string hostname, string route)
    {
        if (route == "_any")
        {
            return SharedName;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{hostname}\n{route}")))[..12];
        var readable = $"{HostToken.From(hostname)}-{HostToken.From(route)}".ToLowerInvariant();
        return $"hostops-{(readable.Length > 40 ? readable[..40] : readable)}-{hash}";
    }

    public static ConsumerConfig ConfigFor(JobOptions options, string hostname, string route)
    {
        var shared = route == "_any";
        var name = NameOf(hostname, route);
        return new ConsumerConfig(name)
        {
            DurableName = name,
            FilterSubject = JobSubjects.Filter(options.Stream.SubjectPrefix, route),
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            AckWait = options.Consumer.AckWait.Value,
            // Unlimited: the server never drops a notification on its own. An agent that stops while it holds one
            // makes a delivery that is neither acked nor nakked; past max_deliver deliveries the next agent to get it
            // dead-letters the job (JobRunner), so the job ends visible in the dead letters, never silently stranded.
            MaxDeliver = -1,
            MaxAckPending = Math.Max(1000, options.Worker.MaxJobs * 4),
            InactiveThreshold = shared ? default : options.Consumer.InactiveThreshold.Value,

            // A broadcast names its expected hosts when it is accepted, and an agent is only listed live once its
            // consumers exist, so a new broadcast consumer starts at new messages; jobs sent to this host before its
            // agent first ran are still its work.
            DeliverPolicy = route.StartsWith("host.", StringComparison.Ordinal) || shared
                ? ConsumerConfigDeliverPolicy.All
                : ConsumerConfigDeliverPolicy.New,
        };
    }
}
