namespace HostOps.Nats.Server;

/// <summary>
/// How long the supervisor waits before restarting a server that died: <see cref="First"/> after the first death,
/// doubling after each further one, never more than <see cref="Max"/>; a run that lasted at least
/// <see cref="StableAfter"/> starts the series again at <see cref="First"/>.
/// </summary>
public sealed class RestartBackoff(TimeSpan first, TimeSpan max, TimeSpan stableAfter)
{
    private TimeSpan? _last;

    public RestartBackoff()
        : this(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60))
    {
    }

    public TimeSpan First { get; } = first;

    public TimeSpan Max { get; } = max;

    public TimeSpan StableAfter { get; } = stableAfter;

    /// <summary>The delay before the next start, given how long the run that just ended had been up.</summary>
    public TimeSpan Next(TimeSpan uptime)
    {
        var next = _last is not { } last || uptime >= StableAfter
            ? First
            : TimeSpan.FromTicks(Math.Min(last.Ticks * 2, Max.Ticks));
        _last = next;
        return next;
    }
}
