namespace HostOps.Providers.Network;

/// <summary>Reads and rewrites resolv.conf(5) text: <c>nameserver</c> lines and the last <c>search</c>/<c>domain</c> line.</summary>
internal static class ResolvConf
{
    public static DnsSettings Parse(string text)
    {
        var servers = new List<string>();
        IReadOnlyList<string> domains = [];
        foreach (var line in text.Split('\n'))
        {
            var fields = Fields(line);
            if (fields.Length < 2)
            {
                continue;
            }

            switch (fields[0])
            {
                case "nameserver":
                    servers.Add(fields[1]);
                    break;

                // As in glibc, the last search or domain line wins.
                case "search" or "domain":
                    domains = fields[1..];
                    break;
            }
        }

        return new DnsSettings(servers, domains);
    }

    /// <summary>
    /// Replaces the nameserver lines (when <paramref name="servers"/> is given) and the search/domain lines (when
    /// <paramref name="searchDomains"/> is given) where the first of them stood; comments and options stay as they were.
    /// </summary>
    public static string Rewrite(string text, IReadOnlyList<string>? servers, IReadOnlyList<string>? searchDomains)
    {
        var lines = new List<string>();
        bool serversWritten = false, domainsWritten = false;
        foreach (var line in text.Split('\n'))
        {
            var keyword = Fields(line).FirstOrDefault();
            if (servers is not null && keyword == "nameserver")
            {
                AddServers(ref serversWritten);
            }
            else if (searchDomains is not null && keyword is "search" or "domain")
            {
                AddDomains(ref domainsWritten);
            }
            else
            {
                lines.Add(line);
            }
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        AddDomains(ref domainsWritten);
        AddServers(ref serversWritten);
        return string.Join('\n', lines) + "\n";

        void AddServers(ref bool written)
        {
            if (servers is not null && !written)
            {
                lines.AddRange(servers.Select(s => "nameserver " + s));
                written = true;
            }
        }

        void AddDomains(ref bool written)
        {
            if (searchDomains is { Count: > 0 } && !written)
            {
                lines.Add("search " + string.Join(' ', searchDomains));
            }

            written = true;
        }
    }

    private static string[] Fields(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length == 0 || trimmed[0] is '#' or ';'
            ? []
            : trimmed.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }
}
