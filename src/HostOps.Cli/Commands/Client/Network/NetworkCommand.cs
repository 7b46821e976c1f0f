using System.CommandLine;

namespace HostOps.Cli.Commands.Client.Network;

/// <summary><c>hostops client network ping|dns …</c>.</summary>
internal static class NetworkCommand
{
    public static Command Create() =>
        new("network", "Ping from hosts, read and change their DNS settings.")
        {
            PingCommand.Create(),
            new Command("dns", "DNS resolver settings of an interface.")
            {
                DnsGetCommand.Create(),
                DnsUpdateCommand.Create(),
            },
        };
}
