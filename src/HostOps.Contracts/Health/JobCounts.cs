namespace HostOps.Contracts.Health;

public sealed record JobCounts(int Total, int Unprocessed, int Processing, int Completed, int Failed, long Dlq);
