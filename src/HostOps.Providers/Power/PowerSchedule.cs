namespace HostOps.Providers.Power;

/// <summary>When the host goes down, and the systemd timer unit that will do it (null where <c>shutdown</c> scheduled it).</summary>
public sealed record PowerSchedule(DateTimeOffset ScheduledAt, string? Unit);
