namespace HostOps.Contracts.Operations;

/// <summary>Body of <c>PUT /network/dns</c> and input of <c>network.dns.update</c>.</summary>
public sealed record DnsUpdateRequest(string? InterfaceName, IReadOnlyList<string>? Servers, IReadOnlyList<string>? SearchDomains);
