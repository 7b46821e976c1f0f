namespace HostOps.Contracts.Operations;

/// <summary>Input of <c>network.dns.get</c>.</summary>
public sealed record DnsGetRequest(string InterfaceName);
