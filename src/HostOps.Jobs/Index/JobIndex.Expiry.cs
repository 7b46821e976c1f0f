namespace HostOps.Jobs.Index;

public sealed partial class JobIndex
{
    // nats-server 2.9 sends no marker when a KV entry ages out, so the watch never sees a definition expire:
    // the view drops a job itself once its definition is older than the bucket's TTL, as the server does.
    private async Task SweepExpiredAsync(CancellationToken stoppingToken)
    {
        var ttl = _buckets.Options.Kv.Ttl.Value;
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        var every = TimeSpan.FromTicks(Math.Clamp(ttl.Ticks / 4, TimeSpan.FromMilliseconds(200).Ticks, TimeSpan.FromMinutes(1).Ticks));
        using var timer = new PeriodicTimer(every, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                RemoveCreatedBefore(_time.GetUtcNow() - ttl);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Drops every job created before <paramref name="cutoff"/>; the oldest are at the end of the order.</summary>
    private void RemoveCreatedBefore(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            while (_all.Oldest is { } oldest && oldest.Created < cutoff)
            {
                ApplyDefinition(oldest.Id, null, 0, default); // expiry writes nothing to the bucket: no change to stream
            }
        }
    }
}
