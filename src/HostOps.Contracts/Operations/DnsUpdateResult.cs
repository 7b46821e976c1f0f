namespace HostOps.Contracts.Operations;

/// <summary>One host's answer to a DNS update: <c>Status</c> is <c>ok</c> or <c>failed</c>.</summary>
public sealed record DnsUpdateResult(string Hostname, string Status, string? Error = null);
