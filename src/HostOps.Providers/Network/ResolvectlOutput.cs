namespace HostOps.Providers.Network;

/// <summary>
/// Parses <c>resolvectl dns IFACE</c> / <c>resolvectl domain IFACE</c>, which print <c>Link 2 (eth0): 1.1.1.1 9.9.9.9</c>.
/// </summary>
internal static class ResolvectlOutput
{
    /// <summary>Server entries may carry a port and a TLS name (<c>1.1.1.1:853#one.one.one.one</c>); only the address is kept.</summary>
    public static IReadOnlyList<string> Servers(string output) =>
        Values(output).Select(StripServerDecorations).ToList();

    /// <summary>Entries starting with <c>~</c> are routing-only domains, not search domains.</summary>
    public static IReadOnlyList<string> SearchDomains(string output) =>
        Values(output).Where(d => !d.StartsWith('~')).ToList();

    private static IEnumerable<string> Values(string output)
    {
        foreach (var line in output.Split('\n'))
        {
            var colon = line.IndexOf("):", StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            foreach (var value in line[(colon + 2)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                yield return value;
            }
        }
    }

    private static string StripServerDecorations(string server)
    {
        var hash = server.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            server = server[..hash];
        }

        if (server.StartsWith('['))
        {
            var close = server.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? server[1..close] : server;
        }

        // One colon is an IPv4 address with a port; IPv6 has several and no port unless bracketed.
        var colon = server.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon == server.LastIndexOf(':') ? server[..colon] : server;
    }
}
