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
        root.Add(StartCommand.Create());
        root.Add(NatsCommand.Create());
        root.Add(ApiCommand.Create());
        root.Add(AgentCommand.Create());
        return root;
    }
}
