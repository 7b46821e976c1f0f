namespace HostOps.Contracts.Operations;

/// <summary>Body of <c>POST /network/ping</c> and input of <c>network.ping.do</c>.</summary>
public sealed record PingRequest(string? Address, int? Count = null);
