using System.CommandLine;
using HostOps.Cli.Configuration;
using HostOps.Jobs.Provisioning;
using HostOps.Nats.Server;

namespace HostOps.Cli.Commands;

/// <summary>
/// Runs a command body and turns failures into one line on stderr and an exit code: configuration problems
/// exit 2, anything else 1; cancellation by Ctrl-C is a clean stop (0).
/// </summary>
internal static class CommandRunner
{
    public static void SetRunner(this Command command, Func<CommandContext, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, body, cancellationToken));

    public static async Task<int> RunAsync(ParseResult parse, Func<CommandContext, Task<int>> body, CancellationToken cancellationToken)
    {
        var context = new CommandContext(parse, cancellationToken);
        try
        {
            return await body(context);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliApp.Ok;
        }
        catch (ConfigException e)
        {
            await context.Error.WriteLineAsync($"hostops: {e.Message}");
            return CliApp.Usage;
        }
        catch (ManagedNatsServerException e)
        {
            await context.Error.WriteLineAsync($"hostops: {e.Message}");
            return e.Message.StartsWith("nats.server.", StringComparison.Ordinal) ? CliApp.Usage : CliApp.Failed;
        }
        catch (ProvisioningException e)
        {
            await context.Error.WriteLineAsync($"hostops: provisioning: {e.Message}");
            return CliApp.Failed;
        }
        catch (Exception e)
        {
            await context.Error.WriteLineAsync($"hostops: {e.Message.ReplaceLineEndings(" ")}");
            return CliApp.Failed;
        }
    }
}
