using System.Globalization;
using System.Net;

namespace HostOps.Jobs.Telemetry;

/// <summary>
/// <c>metrics.listen</c>: where a process serves <c>GET /metrics</c>. Empty or <c>off</c> serves nothing; a port alone
/// (<c>9464</c>) listens on loopback; else <c>host:port</c> with an IP address, <c>localhost</c> or <c>[::1]:9464</c>.
/// </summary>
public static class MetricsListenAddress
{
    public const string Key = "metrics:listen";

    /// <summary>The endpoint, null when disabled; false with <paramref name="problem"/> when the text is not an address.</summary>
    public static bool TryParse(string? text, out IPEndPoint? endpoint, out string? problem)
    {
        endpoint = null;
        problem = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? "127.0.0.1" : text[..colon].Trim('[', ']');
        var portText = colon < 0 ? text : text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > IPEndPoint.MaxPort)
        {
            problem = $"'{text}' has no TCP port 1-65535 (use host:port like 127.0.0.1:9464, or off)";
            return false;
        }

        IPAddress? address = host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" or "" => IPAddress.Any,
            _ => IPAddress.TryParse(host, out var parsed) ? parsed : null,
        };
        if (address is null)
        {
            problem = $"'{text}': '{host}' is not an IP address (use 127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464)";
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }

    /// <summary>The endpoint's address as an <c>HttpListener</c> host: <c>127.0.0.1</c>, <c>[::1]</c>, or <c>+</c> for any address.</summary>
    public static string ListenerHost(IPEndPoint endpoint) =>
        endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.IPv6Any)
            ? "+"
            : endpoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]" : endpoint.Address.ToString();
}
