using HostOps.Contracts.Text;

namespace HostOps.Api.Configuration;

/// <summary>The <c>api:server:events:</c> section: the job event streams (<c>GET /job/events</c>).</summary>
public sealed class ApiEventOptions
{
    /// <summary>How often an idle stream gets a comment line, so proxies and clients see it is alive.</summary>
    public Duration Heartbeat { get; set; } = Duration.FromSeconds(15);

    /// <summary>Streams one token may hold open at once; one more is answered 429.</summary>
    [ConfigurationKeyName("max_streams_per_token")]
    public int MaxStreamsPerToken { get; set; } = 8;

    /// <summary>Events that may wait for one client; a client that falls this far behind is dropped.</summary>
    [ConfigurationKeyName("client_buffer")]
    public int ClientBuffer { get; set; } = 4_096;

    /// <summary>Recent events kept in memory for resuming; a resume from further back reads the job bucket's stream.</summary>
    [ConfigurationKeyName("replay_buffer")]
    public int ReplayBuffer { get; set; } = 16_384;
}
