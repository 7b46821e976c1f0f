namespace HostOps.Contracts.Operations;

/// <summary><c>Uptime</c> is compact text (<c>3d4h5m6s</c>); <c>Seconds</c> the exact figure.</summary>
public sealed record UptimeResult(string Hostname, string Uptime, double Seconds);
