using HostOps.Cli.Commands.Agent;
using HostOps.Cli.Commands.Api;
using HostOps.Cli.Commands.Nats;
using HostOps.Cli.Commands.Start;
using HostOps.Cli.Commands.Tls;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Cli.Commands;

/// <summary>The full <c>hostops</c> tree: the server-side commands plus everything the client executable has.</summary>
public static class ServerCli
{
    /// <summary>
    /// Runs <c>hostops</c> as <c>Program</c> does; <paramref name="configureAgent"/> adds to the services of the
    /// agent that <c>agent start</c> builds (a test host's own operation handlers; the shipped CLI passes none).
    /// </summary>
    public static Task<int> RunAsync(string[] args, Action<IServiceCollection>? configureAgent = null) =>
        CliApp.RunAsync(CreateRoot(CliServices.Default, configureAgent), args, Console.Out, Console.Error);

    internal static HostOpsRootCommand CreateRoot(CliServices services, Action<IServiceCollection>? configureAgent = null)
    {
        var root = ClientCli.CreateRoot(services);

        // Running HostOps comes first in help: it is what a newcomer types first.
        root.Subcommands.Insert(0, StartCommand.Create(configureAgent));
        root.Subcommands.Insert(1, NatsCommand.Create());
        root.Subcommands.Insert(2, ApiCommand.Create());
        root.Subcommands.Insert(3, AgentCommand.Create(configureAgent));
        root.Subcommands.Insert(4, TlsCommand.Create());
        return root;
    }
}
