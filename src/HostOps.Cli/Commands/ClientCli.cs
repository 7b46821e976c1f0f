using HostOps.Cli.Commands.Client;
using HostOps.Cli.Commands.Completion;
using HostOps.Cli.Commands.Token;
using HostOps.Cli.Commands.Ui;

namespace HostOps.Cli.Commands;

/// <summary>
/// The commands the small native client executable has (<c>client</c>, <c>token</c>, <c>ui</c>, <c>completion</c>); the full
/// CLI adds the server commands on top (<c>ServerCli</c>, not compiled into the client executable).
/// </summary>
internal static class ClientCli
{
    public static HostOpsRootCommand CreateRoot(CliServices services)
    {
        var root = new HostOpsRootCommand(services)
        {
            ClientCommand.Create(),
            TokenCommand.Create(),
            UiCommand.Create(),
            CompletionCommand.Create(),
        };
        return root;
    }
}
