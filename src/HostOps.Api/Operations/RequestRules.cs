using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace HostOps.Api.Operations;

/// <summary>
/// Input rules of the node operation endpoints; each returns the problem or null. Kept in one file so it can
/// switch to the shared <c>HostOps.Contracts.Operations.InputRules</c> once that exists.
/// </summary>
internal static partial class RequestRules
{
    public const int MaxPingCount = 100;

    public static string? InterfaceName(string? value) =>
        value is not null && InterfaceNamePattern().IsMatch(value)
            ? null
            : "must be 1-15 characters of letters, digits, '.', '_' or '-'";

    /// <summary>IPv4 in dotted-quad form or IPv6; <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> alone would accept <c>1</c> or <c>1.2</c>.</summary>
    public static string? IpLiteral(string? value)
    {
        if (string.IsNullOrEmpty(value) || !IPAddress.TryParse(value, out var address))
        {
            return $"'{Shorten(value)}' is not an IP address literal";
        }

        var ok = address.AddressFamily == AddressFamily.InterNetworkV6
            ? value.Contains(':', StringComparison.Ordinal)
            : Ipv4Pattern().IsMatch(value);
        return ok ? null : $"'{Shorten(value)}' is not an IP address literal";
    }

    public static string? SearchDomain(string? value) =>
        value is { Length: > 0 and <= 253 } && value.TrimEnd('.').Split('.').All(label => LabelPattern().IsMatch(label))
            ? null
            : $"'{Shorten(value)}' is not a valid host name (RFC 1123)";

    public static string? PingCount(int? count) =>
        count is null or (>= 1 and <= MaxPingCount)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {MaxPingCount}");

    private static string Shorten(string? value) => value is { Length: > 64 } ? value[..64] + "…" : value ?? "";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,15}$")]
    private static partial Regex InterfaceNamePattern();

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}$")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelPattern();
}
