using System.CommandLine;

namespace HostOps.Cli.Commands.Agent;

/// <summary><c>hostops agent …</c>.</summary>
internal static class AgentCommand
{
    public static Command Create() =>
        new("agent", "The agent that runs jobs on this host.")
        {
            AgentStartCommand.Create(),
        };
}
