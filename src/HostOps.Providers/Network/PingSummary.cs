namespace HostOps.Providers.Network;

/// <summary>Outcome of a series of ICMP echoes; round-trip times in milliseconds, zero when no reply came back.</summary>
public sealed record PingSummary(int Sent, int Received, double PacketLossPercent, double MinRtt, double AvgRtt, double MaxRtt);
