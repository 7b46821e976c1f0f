using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

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

    /// <summary>An interface name: <c>^[A-Za-z0-9._-]{1,15}$</c> (the kernel's IFNAMSIZ less the terminator).</summary>
    public static string? InterfaceName(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return InterfacePattern().IsMatch(value) ? null : $"{field}: '{value}' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -)";
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

    /// <summary>A search domain: an RFC 1123 host name (labels of letters, digits and inner hyphens, 253 characters at most).</summary>
    public static string? SearchDomain(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return IsHostName(value) ? null : $"{field}: '{value}' is not a valid domain name";
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
            : IpAddress("address", request.Address) ?? PingCount("count", request.Count);

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

    [GeneratedRegex("^[A-Za-z0-9._-]{1,15}\\z")]
    private static partial Regex InterfacePattern();

    [GeneratedRegex(@"^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\z")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex("^[0-9A-Fa-f:.]+\\z")]
    private static partial Regex Ipv6Pattern();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\z")]
    private static partial Regex LabelPattern();
}
