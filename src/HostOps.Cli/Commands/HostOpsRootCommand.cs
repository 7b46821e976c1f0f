using System.CommandLine;

namespace HostOps.Cli.Commands;

/// <summary>The root of the tree; carries the <see cref="CliServices"/> every command's context reads.</summary>
internal sealed class HostOpsRootCommand : RootCommand
{
    public HostOpsRootCommand(CliServices services)
        : base("HostOps: run Linux hosts through one REST API, with jobs on NATS JetStream.")
    {
        Services = services;
        Add(GlobalOptions.Config);
        CommandExamples.ShowInHelp(this);
    }

    public CliServices Services { get; }
}
