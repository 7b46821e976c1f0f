using System.Security.Cryptography;
using System.Text;
using HostOps.Agent.Operations;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Routing;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace HostOps.Agent.Consuming;

/// <summary>
/// The durable consumers an agent pulls from, one per route (nats-server 2.9 allows one filter subject per
/// consumer): <c>_any</c> is shared by every agent, so exactly one runs each job; <c>_all</c>, the host route and
/// each label prefix are the agent's own. The shared consumer is created once and never rewritten by a starting
/// agent; an agent's own consumers are removed by the server once unused for <c>job.consumer.inactive_threshold</c>.
/// The server's <c>max_deliver</c> is one more than configured (a safety net: the agent dead-letters on the last
/// configured delivery). Redelivery delays come from the agent's naks, not the consumer's BackOff, which on
/// nats-server silently replaces AckWait with its first step.
/// </summary>
public static class AgentConsumers
{
    public const string SharedName = "hostops-any";

    /// <summary>Routes this agent consumes, in the order their consumers are made.</summary>
    public static IReadOnlyList<string> RoutesOf(AgentIdentity identity) => JobSubjects.RoutesFor(identity.Hostname, identity.Labels);

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

    /// <summary>Opens the route's consumer, creating it when missing; an existing shared consumer is used as it is.</summary>
    public static async Task<INatsJSConsumer> EnsureAsync(
        INatsJSContext js, JobOptions options, AgentIdentity identity, string route, CancellationToken cancellationToken)
    {
        var config = ConfigFor(options, identity, route);
        if (route != "_any")
        {
            return await js.CreateOrUpdateConsumerAsync(options.Stream.Name, config, cancellationToken);
        }

        try
        {
            return await js.GetConsumerAsync(options.Stream.Name, config.Name!, cancellationToken);
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 404)
        {
            try
            {
                return await js.CreateConsumerAsync(options.Stream.Name, config, cancellationToken);
            }
            catch (NatsJSApiException)
            {
                // Another agent created it in the meantime, maybe with other settings: theirs stands.
                return await js.GetConsumerAsync(options.Stream.Name, config.Name!, cancellationToken);
            }
        }
    }

    internal static ConsumerConfig ConfigFor(JobOptions options, AgentIdentity identity, string route)
    {
        var shared = route == "_any";
        var name = NameOf(identity.Hostname, route);
        return new ConsumerConfig(name)
        {
            DurableName = name,
            FilterSubject = JobSubjects.Filter(options.Stream.SubjectPrefix, route),
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            AckWait = options.Consumer.AckWait.Value,
            MaxDeliver = options.Consumer.MaxDeliver + 1,
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
