using System.CommandLine;
using HostOps.Client.Http;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;

namespace HostOps.Cli.Commands.Client.Network;

/// <summary><c>hostops client network dns update --interface I [--server S]… [--search-domain D]… [--target T]</c>.</summary>
internal static class DnsUpdateCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--interface", "-i") { Description = "Network interface, e.g. eth0", HelpName = "NAME", Required = true };
        var servers = new Option<string[]>("--server") { Description = "DNS server address (repeat for several)", HelpName = "IP", AllowMultipleArgumentsPerToken = false };
        var domains = new Option<string[]>("--search-domain") { Description = "Search domain (repeat for several)", HelpName = "DOMAIN" };
        var command = new Command("update", "Set the DNS servers and search domains of an interface (PUT /network/dns)")
        {
            name,
            servers,
            domains,
            ClientOptions.Target,
        }.WithExamples(
            "hostops client network dns update -i eth0 --server 1.1.1.1 --server 9.9.9.9",
            "hostops client network dns update -i eth0 --search-domain corp.example --target group:web.dev");
        command.SetRunner(async context =>
        {
            var serverList = context.Parse.GetValue(servers) ?? [];
            var domainList = context.Parse.GetValue(domains) ?? [];
            if (serverList.Length == 0 && domainList.Length == 0)
            {
                throw new UsageException("give at least one --server or --search-domain");
            }

            var session = ClientSession.Open(context);
            var request = new DnsUpdateRequest(context.Parse.GetValue(name), serverList.Length > 0 ? serverList : null, domainList.Length > 0 ? domainList : null);
            await session.ShowAsync(ApiRequest.UpdateDns(request, session.Target), HostOpsJsonContext.Default.NodeResultsDnsUpdateResult, Client.NodeResultsView.DnsUpdate);
            return CliApp.Ok;
        });
        return command;
    }
}
