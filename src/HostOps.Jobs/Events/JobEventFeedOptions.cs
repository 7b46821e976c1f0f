namespace HostOps.Jobs.Events;

/// <summary>Sizes of the event feed (<c>api.server.events</c>, see docs/configuration.md).</summary>
public sealed class JobEventFeedOptions
{
    /// <summary>How many recent changes the feed keeps so a client resumes from memory; older resumes read the bucket's stream.</summary>
    public int ReplayBuffer { get; set; } = 16_384;

    /// <summary>How many changes may wait for one client; a client that falls this far behind is dropped.</summary>
    public int ClientBuffer { get; set; } = 4_096;
}
