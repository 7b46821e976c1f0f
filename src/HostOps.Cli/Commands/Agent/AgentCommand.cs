using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Cli.Commands.Agent;

/// <summary><c>hostops agent …</c>.</summary>
internal static class AgentCommand
{
    public static Command Create(Action<IServiceCollection>? configureAgent = null) =>
        new("agent", "The agent that runs jobs on this host.")
        {
            AgentStartCommand.Create(configureAgent),
            AgentInstallCommand.Create(),
            AgentUninstallCommand.Create(),
        };
}
