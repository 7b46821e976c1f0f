using System.CommandLine;
using HostOps.Client.Http;
using HostOps.Contracts.Json;

namespace HostOps.Cli.Commands.Client.Network;

/// <summary><c>hostops client network dns get INTERFACE [--target T]</c>.</summary>
internal static class DnsGetCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("interface") { Description = "Network interface, e.g. eth0" };
        var command = new Command("get", "DNS servers and search domains of an interface (GET /network/dns/{interface})") { name, ClientOptions.Target }
            .WithExamples("hostops client network dns get eth0", "hostops client network dns get eth0 --target _all --json");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            var request = ApiRequest.GetDns(context.Parse.GetValue(name)!, session.Target);
            await session.ShowAsync(request, HostOpsJsonContext.Default.NodeResultsDnsConfig, Client.NodeResultsView.Dns);
            return CliApp.Ok;
        });
        return command;
    }
}
