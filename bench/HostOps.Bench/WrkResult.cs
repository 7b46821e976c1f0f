namespace HostOps.Bench;

internal sealed record WrkResult(double RequestsPerSecond, double P99Ms);
