using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using HostOps.Contracts.Text;

namespace HostOps.Contracts.Operations;

/// <summary>
/// Input validation shared by the API (a 400 naming the field) and the agent (a failed job), so both refuse the same
/// values with the same words. Every method returns an error message naming the field, or null when the value is fine.
/// </summary>
public static partial class InputRules
{
    public const int DefaultPingCount = 4;
    public const int MinPingCount = 1;
    public const int MaxPingCount = 100;
    public const int MaxDnsServers = 8;
    public const int MaxSearchDomains = 16;

    /// <summary>Echoes go out this far apart (the shortest interval ping(8) allows an unprivileged user).</summary>
    public static readonly TimeSpan PingInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How long each echo waits for its reply.</summary>
    public static readonly TimeSpan PingReplyTimeout = TimeSpan.FromSeconds(2);

    private const string InterfaceForm = "1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit";

    /// <summary>
    /// An interface name: <c>[A-Za-z0-9][A-Za-z0-9._-]{0,14}</c> (the kernel's IFNAMSIZ less the terminator); the first
    /// character rules out <c>-x</c> (an option to the resolver tools), <c>.</c> and <c>..</c> (paths under /sys/class/net).
    /// </summary>
    public static string? InterfaceName(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return InterfacePattern().IsMatch(value) ? null : $"{field}: '{value}' is not a valid interface name ({InterfaceForm})";
    }

    /// <summary>An IPv4 dotted quad or an IPv6 literal; nothing the resolver would have to look up.</summary>
    public static string? IpAddress(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return TryParseIpLiteral(value, out _) ? null : $"{field}: '{value}' is not an IP address";
    }

    /// <summary>An address to ping: an IP literal that names one host, not a broadcast or multicast group.</summary>
    public static string? PingAddress(string field, string? value)
    {
        var error = IpAddress(field, value);
        if (error is not null || !TryParseIpLiteral(value, out var address))
        {
            return error;
        }

        var host = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (host.Equals(System.Net.IPAddress.Broadcast))
        {
            return $"{field}: '{value}' is the broadcast address; ping one host";
        }

        var multicast = host.AddressFamily == AddressFamily.InterNetwork ? host.GetAddressBytes()[0] is >= 224 and <= 239 : host.IsIPv6Multicast;
        return multicast ? $"{field}: '{value}' is a multicast address; ping one host" : null;
    }

    /// <summary>
    /// The longest a ping of <paramref name="count"/> echoes can take: the last echo leaves after (count − 1)
    /// intervals and waits up to the reply timeout.
    /// </summary>
    public static TimeSpan PingDuration(int count) => (PingInterval * (Math.Max(count, 1) - 1)) + PingReplyTimeout;

    /// <summary>Refuses a count whose <see cref="PingDuration"/> would not end before <paramref name="limit"/> (named by <paramref name="limitName"/>).</summary>
    public static string? PingWithin(string field, int? count, TimeSpan limit, string limitName)
    {
        var echoes = count ?? DefaultPingCount;
        var duration = PingDuration(echoes);
        if (duration < limit)
        {
            return null;
        }

        var most = limit <= PingReplyTimeout ? 0 : (int)Math.Ceiling((limit - PingReplyTimeout) / PingInterval);
        return $"{field}: {echoes} echoes can take {duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s, which does not fit in {limitName} ({DurationText.Format(limit)}); " +
               (most > 0 ? $"{most} is the most that fits" : $"{limitName} is too short for any ping");
    }

    /// <summary>A search domain: an RFC 1123 host name (labels of letters, digits and inner hyphens, 253 characters at most).</summary>
    public static string? SearchDomain(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return IsHostName(value) ? null : $"{field}: '{value}' is not a valid domain name";
    }

    /// <summary>A hostname to set: an RFC 1123 host name (labels of letters, digits and inner hyphens, 253 characters at most).</summary>
    public static string? Hostname(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return IsHostName(value) && !value.EndsWith('.') ? null : $"{field}: '{value}' is not a valid hostname (RFC 1123: labels of A-Z a-z 0-9 and inner -, joined by dots, 253 characters at most)";
    }

    /// <summary>The number of ICMP echoes; null means the default of <see cref="DefaultPingCount"/>.</summary>
    public static string? PingCount(string field, int? value) =>
        value is null or (>= MinPingCount and <= MaxPingCount)
            ? null
            : $"{field}: {value} is out of range ({MinPingCount}-{MaxPingCount})";

    public static string? Validate(DnsGetRequest? request) =>
        request is null ? "data: is required" : InterfaceName("interface_name", request.InterfaceName);

    public static string? Validate(PingRequest? request) =>
        request is null
            ? "data: is required"
            : PingAddress("address", request.Address) ?? PingCount("count", request.Count);

    public static string? Validate(DnsUpdateRequest? request)
    {
        if (request is null)
        {
            return "data: is required";
        }

        var error = InterfaceName("interface_name", request.InterfaceName);
        if (error is not null)
        {
            return error;
        }

        if (request.Servers is null && request.SearchDomains is null)
        {
            return "servers: servers or search_domains is required";
        }

        if (request.Servers?.Count > MaxDnsServers)
        {
            return $"servers: {request.Servers.Count} given, the limit is {MaxDnsServers}";
        }

        if (request.SearchDomains?.Count > MaxSearchDomains)
        {
            return $"search_domains: {request.SearchDomains.Count} given, the limit is {MaxSearchDomains}";
        }

        for (var i = 0; i < (request.Servers?.Count ?? 0); i++)
        {
            error = IpAddress($"servers[{i}]", request.Servers![i]);
            if (error is not null)
            {
                return error;
            }
        }

        for (var i = 0; i < (request.SearchDomains?.Count ?? 0); i++)
        {
            error = SearchDomain($"search_domains[{i}]", request.SearchDomains![i]);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>
    /// Stricter than <see cref="System.Net.IPAddress.TryParse(string, out System.Net.IPAddress)"/>, which also takes
    /// <c>1</c>, <c>1.2</c>, octal octets (<c>010.0.0.1</c> is 8.0.0.1) and scope ids: only a dotted quad of decimal
    /// octets or a plain IPv6 form gets through.
    /// </summary>
    public static bool TryParseIpLiteral(string? value, out IPAddress address)
    {
        address = System.Net.IPAddress.None;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value.Contains(':', StringComparison.Ordinal))
        {
            return Ipv6Pattern().IsMatch(value) && System.Net.IPAddress.TryParse(value, out address!);
        }

        var match = Ipv4Pattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var octets = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var text = match.Groups[i + 1].Value;
            if ((text.Length > 1 && text[0] == '0') || !byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out octets[i]))
            {
                return false;
            }
        }

        address = new IPAddress(octets);
        return true;
    }

    private static bool IsHostName(string value)
    {
        if (value.Length > 253)
        {
            return false;
        }

        foreach (var label in value.Split('.'))
        {
            if (!LabelPattern().IsMatch(label))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,14}\\z")]
    private static partial Regex InterfacePattern();

    [GeneratedRegex(@"^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\z")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex("^[0-9A-Fa-f:.]+\\z")]
    private static partial Regex Ipv6Pattern();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\z")]
    private static partial Regex LabelPattern();
}
