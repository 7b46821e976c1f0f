using HostOps.Cli.Commands.Agent;
using HostOps.Cli.Commands.Api;
using HostOps.Cli.Commands.Nats;
using HostOps.Cli.Commands.Start;

namespace HostOps.Cli.Commands;

/// <summary>The full <c>hostops</c> tree: the server-side commands plus everything the client executable has.</summary>
internal static class ServerCli
{
    public static HostOpsRootCommand CreateRoot(CliServices services)
    {
        var root = ClientCli.CreateRoot(services);

        // Running HostOps comes first in help: it is what a newcomer types first.
        root.Subcommands.Insert(0, StartCommand.Create());
        root.Subcommands.Insert(1, NatsCommand.Create());
        root.Subcommands.Insert(2, ApiCommand.Create());
        root.Subcommands.Insert(3, AgentCommand.Create());
        return root;
    }
}
