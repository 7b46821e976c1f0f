using System.CommandLine;
using HostOps.Client.Http;
using HostOps.Contracts.Json;

namespace HostOps.Cli.Commands.Client.SystemInfo;

/// <summary><c>hostops client system status|hostname [--target T]</c>.</summary>
internal static class SystemCommand
{
    public static Command Create()
    {
        var status = new Command("status", "Uptime, load, memory, disks and OS of the target hosts (GET /system/status)") { ClientOptions.Target }
            .WithExamples("hostops client system status", "hostops client system status --target _all", "hostops client system status -t group:web.dev");
        status.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            await session.ShowAsync(ApiRequest.SystemStatus(session.Target), HostOpsJsonContext.Default.NodeResultsSystemStatusResult, NodeResultsView.SystemStatus);
            return CliApp.Ok;
        });

        var hostname = new Command("hostname", "Hostname of the target hosts (GET /system/hostname)") { ClientOptions.Target }
            .WithExamples("hostops client system hostname --target _all");
        hostname.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            await session.ShowAsync(ApiRequest.Hostname(session.Target), HostOpsJsonContext.Default.NodeResultsHostnameResult, NodeResultsView.Hostnames);
            return CliApp.Ok;
        });

        return new Command("system", "Read system facts from hosts.") { status, hostname };
    }
}
