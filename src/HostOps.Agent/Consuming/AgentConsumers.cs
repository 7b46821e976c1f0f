using HostOps.Agent.Operations;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Routing;
using NATS.Client.JetStream;

namespace HostOps.Agent.Consuming;

/// <summary>
/// Opens the consumers an agent pulls from (<see cref="JobConsumers"/>): its own are created or updated, the shared
/// <c>_any</c> consumer is used as it is and only created when missing (the API's provisioning normally has).
/// </summary>
public static class AgentConsumers
{
    /// <summary>Routes this agent consumes, in the order their consumers are made.</summary>
    public static IReadOnlyList<string> RoutesOf(AgentIdentity identity) => JobSubjects.RoutesFor(identity.Hostname, identity.Labels);

    /// <summary>Opens the route's consumer, creating it when missing; an existing shared consumer is used as it is.</summary>
    public static async Task<INatsJSConsumer> EnsureAsync(
        INatsJSContext js, JobOptions options, AgentIdentity identity, string route, CancellationToken cancellationToken)
    {
        var config = JobConsumers.ConfigFor(options, identity.Hostname, route);
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
}
