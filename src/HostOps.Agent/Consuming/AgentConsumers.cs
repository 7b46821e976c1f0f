using HostOps.Agent.Operations;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Routing;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace HostOps.Agent.Consuming;

/// <summary>
/// The durable consumers an agent pulls from, one per route (nats-server 2.9 allows one filter subject per
/// consumer): <c>_any</c> is shared by every agent, so exactly one runs each job; <c>_all</c>, the host route and
/// each label prefix are the agent's own. The server's <c>max_deliver</c> is one more than configured: that
/// last delivery only reaches an agent when the previous holder vanished, and it dead-letters the job.
/// Redelivery delays come from the agent's naks (the configured back-off), not from the consumer's BackOff,
/// which on nats-server silently replaces AckWait with its first step.
/// </summary>
public static class AgentConsumers
{
    public static async Task<IReadOnlyList<INatsJSConsumer>> EnsureAsync(
        INatsJSContext js, JobOptions options, AgentIdentity identity, CancellationToken cancellationToken)
    {
        var consumers = new List<INatsJSConsumer>();
        var host = HostToken.From(identity.Hostname).ToLowerInvariant();
        foreach (var route in JobSubjects.RoutesFor(identity.Hostname, identity.Labels))
        {
            var shared = route == "_any";
            var name = shared ? "hostops-any" : $"hostops-{host}-{HostToken.From(route)}";
            var config = new ConsumerConfig(name)
            {
                DurableName = name,
                FilterSubject = JobSubjects.Filter(options.Stream.SubjectPrefix, route),
                AckPolicy = ConsumerConfigAckPolicy.Explicit,
                AckWait = options.Consumer.AckWait.Value,
                MaxDeliver = options.Consumer.MaxDeliver + 1,
                MaxAckPending = Math.Max(1000, options.Worker.MaxJobs * 4),

                // Broadcasts name their expected hosts at submit time, so a new agent must not replay old ones;
                // jobs sent to this host before its agent first ran are still its work.
                DeliverPolicy = route.StartsWith("host.", StringComparison.Ordinal) || shared
                    ? ConsumerConfigDeliverPolicy.All
                    : ConsumerConfigDeliverPolicy.New,
            };
            consumers.Add(await js.CreateOrUpdateConsumerAsync(options.Stream.Name, config, cancellationToken));
        }

        return consumers;
    }
}
