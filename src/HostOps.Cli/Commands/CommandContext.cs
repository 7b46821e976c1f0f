using System.CommandLine;
using HostOps.Cli.Configuration;

namespace HostOps.Cli.Commands;

/// <summary>What a running command needs: its parse result, the stop token, the console writers and configuration.</summary>
internal sealed class CommandContext(ParseResult parse, CancellationToken cancellationToken)
{
    public ParseResult Parse { get; } = parse;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public CliServices Services { get; } = (parse.RootCommandResult.Command as HostOpsRootCommand)?.Services ?? CliServices.Default;

    public TextWriter Output => Parse.InvocationConfiguration.Output;

    public TextWriter Error => Parse.InvocationConfiguration.Error;

    public LoadedConfiguration LoadConfiguration() =>
        ConfigurationLoader.Load(Parse.GetValue(GlobalOptions.Config), Services.Directory, Services.Environment, Services.InstalledConfig);
}
