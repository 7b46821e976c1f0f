using System.CommandLine;
using HostOps.Cli.Commands.Client.Agent;
using HostOps.Cli.Commands.Client.Audit;
using HostOps.Cli.Commands.Client.Declared;
using HostOps.Cli.Commands.Client.Files;
using HostOps.Cli.Commands.Client.Health;
using HostOps.Cli.Commands.Client.Job;
using HostOps.Cli.Commands.Client.Network;
using HostOps.Cli.Commands.Client.SystemInfo;

namespace HostOps.Cli.Commands.Client;

/// <summary><c>hostops client …</c>: every API capability, one command each.</summary>
internal static class ClientCommand
{
    public static Command Create() =>
        new Command("client", "Talk to the HostOps API: health, jobs, agents, system, network.")
        {
            ClientOptions.Url,
            ClientOptions.Token,
            ClientOptions.Json,
            HealthCommand.Create(),
            JobCommand.Create(),
            AgentCommand.Create(),
            AuditCommand.Create(),
            FileCommand.Create(),
            SystemCommand.Create(),
            NetworkCommand.Create(),
        }.AddDeclaredOperations().WithExamples(
            "hostops client health status",
            "hostops client system status --target _all",
            "hostops client job list --status failed --json",
            "hostops client health --url http://10.0.0.5:8080 --token \"$TOKEN\"");
}
