using System.CommandLine;

namespace HostOps.Cli.Commands;

/// <summary>The root of the tree; carries the <see cref="CliServices"/> every command's context reads.</summary>
internal sealed class HostOpsRootCommand : RootCommand
{
    public HostOpsRootCommand(
        CliServices services, string program = "hostops", string description = "HostOps: run Linux hosts through one REST API, with jobs on NATS JetStream.")
        : base(description)
    {
        Services = services;
        Program = program;
        Add(GlobalOptions.Config);
        CommandExamples.ShowInHelp(this);
    }

    public CliServices Services { get; }

    /// <summary>The program's name in usage lines: <c>hostops</c> or <c>hostops-agent</c>.</summary>
    public string Program { get; }
}
