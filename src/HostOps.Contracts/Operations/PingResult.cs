namespace HostOps.Contracts.Operations;

/// <summary>RTTs are compact text such as <c>14.637ms</c>; <c>PacketLoss</c> is a percentage.</summary>
public sealed record PingResult(
    string Hostname,
    int PacketsSent,
    int PacketsReceived,
    double PacketLoss,
    string MinRtt,
    string AvgRtt,
    string MaxRtt);
