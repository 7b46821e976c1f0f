using System.Globalization;

namespace HostOps.EndToEnd.Tests.Cli;

/// <summary>
/// The environment of a <c>hostops start</c> that serves other hosts: API (HTTPS) and NATS listen on
/// the given address (a network namespace's host side), its own agent is called <c>control</c>.
/// </summary>
public static class FleetControlPlane
{
    public static Dictionary<string, string> Environment(string dataDir, string address, int apiPort, int natsPort) => new()
    {
        ["HOSTOPS_DATA_DIR"] = dataDir,
        ["HOSTOPS_NATS__SERVER__HOST"] = address,
        ["HOSTOPS_NATS__SERVER__PORT"] = natsPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_NATS__URL"] = $"nats://{address}:{natsPort}",
        ["HOSTOPS_API__SERVER__HOST"] = address,
        ["HOSTOPS_API__SERVER__PORT"] = apiPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_API__SERVER__TLS__ENABLED"] = "true",
        ["HOSTOPS_API__CLIENT__URL"] = $"https://{address}:{apiPort}",
        ["HOSTOPS_JOB__WORKER__HOSTNAME"] = "control",
    };
}
