using System.CommandLine;
using HostOps.Client.Http;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;

namespace HostOps.Cli.Commands.Client.Network;

/// <summary><c>hostops client network ping ADDRESS [--count N] [--target T]</c>.</summary>
internal static class PingCommand
{
    public static Command Create()
    {
        var address = new Argument<string>("address") { Description = "IPv4 or IPv6 address to ping (a literal, not a name)" };
        var count = ClientOptions.Number("--count", "-c", "Echo requests to send (default decided by the agent)");
        var command = new Command("ping", "Ping an address from the target hosts (POST /network/ping)") { address, count, ClientOptions.Target }
            .WithExamples("hostops client network ping 1.1.1.1", "hostops client network ping 2606:4700:4700::1111 --count 2 --target _all");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            var request = new PingRequest(context.Parse.GetValue(address), context.Parse.GetValue(count));
            await session.ShowAsync(ApiRequest.Ping(request, session.Target), HostOpsJsonContext.Default.NodeResultsPingResult, Client.NodeResultsView.Ping);
            return CliApp.Ok;
        });
        return command;
    }
}
