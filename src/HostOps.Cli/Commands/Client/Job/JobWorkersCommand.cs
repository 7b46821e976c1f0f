using System.CommandLine;
using HostOps.Cli.Rendering;
using HostOps.Client.Http;
using HostOps.Contracts.Json;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary><c>hostops client job workers</c>: the live agents.</summary>
internal static class JobWorkersCommand
{
    public static Command Create()
    {
        var command = new Command("workers", "Live agents from their heartbeats (GET /job/workers)")
            .WithExamples("hostops client job workers");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            await session.ShowAsync(ApiRequest.Workers(), HostOpsJsonContext.Default.WorkerList, (console, list) =>
            {
                var table = CliConsole.Table("Host", "Labels", "Last seen", "Version");
                foreach (var worker in list.Workers)
                {
                    var labels = string.Join(", ", worker.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
                    table.Row(worker.Hostname, labels, Units.Time(worker.LastSeen), worker.Version);
                }

                console.Write(table);
                console.WriteLine($"{list.Total} live agent(s)");
            });
            return CliApp.Ok;
        });
        return command;
    }
}
