using HostOps.Contracts.Text;
using Microsoft.Extensions.Configuration;

namespace HostOps.Jobs.Configuration;

/// <summary>How notifications are delivered and redelivered.</summary>
public sealed class JobConsumerOptions
{
    [ConfigurationKeyName("max_deliver")]
    public int MaxDeliver { get; set; } = 5;

    [ConfigurationKeyName("ack_wait")]
    public Duration AckWait { get; set; } = Duration.FromSeconds(30);

    /// <summary>An agent's own consumers are removed by the server once nobody pulled from them this long (agent gone).</summary>
    [ConfigurationKeyName("inactive_threshold")]
    public Duration InactiveThreshold { get; set; } = Duration.FromSeconds(3600);

    /// <summary>Delays between redeliveries; empty means 1s, 5s, 30s (the binder appends to a non-empty default).</summary>
    [ConfigurationKeyName("back_off")]
    public List<Duration> BackOff { get; set; } = [];

    public IReadOnlyList<TimeSpan> EffectiveBackOff =>
        BackOff.Count > 0 ? BackOff.Select(d => d.Value).ToList() : DefaultBackOff;

    private static readonly TimeSpan[] DefaultBackOff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];
}
