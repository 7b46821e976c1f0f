namespace HostOps.Providers.Network;

/// <summary>The resolver configuration of one interface (or of the host, for plain resolv.conf).</summary>
public sealed record DnsSettings(IReadOnlyList<string> Servers, IReadOnlyList<string> SearchDomains);
