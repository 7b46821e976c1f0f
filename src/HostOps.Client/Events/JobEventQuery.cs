namespace HostOps.Client.Events;

/// <summary>Filters of <c>GET /job/events</c> (null = any) and where to resume (the id of the last event received).</summary>
public sealed record JobEventQuery(string? Status = null, string? Operation = null, string? TargetHostname = null, ulong? LastEventId = null);
