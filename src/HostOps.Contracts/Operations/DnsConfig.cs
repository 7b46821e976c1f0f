namespace HostOps.Contracts.Operations;

/// <summary>Result of <c>network.dns.get</c>.</summary>
public sealed record DnsConfig(string Hostname, IReadOnlyList<string> Servers, IReadOnlyList<string> SearchDomains);
