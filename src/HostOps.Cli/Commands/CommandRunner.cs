using System.CommandLine;
using HostOps.Cli.Configuration;
using HostOps.Client.Errors;

namespace HostOps.Cli.Commands;

/// <summary>
/// Runs a command body and turns failures into one line on stderr and an exit code: usage and configuration
/// problems exit 2, API, connection and runtime errors 1; cancellation by Ctrl-C is a clean stop (0).
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
        catch (UsageException e)
        {
            await context.Error.WriteLineAsync($"hostops: {e.Message}");
            await context.Error.WriteLineAsync(CliApp.UsageHint(parse.CommandResult.Command));
            return CliApp.Usage;
        }
        catch (Exception e) when (e is HostOpsApiException or HostOpsConnectionException)
        {
            await context.Error.WriteLineAsync($"hostops: {OneLine(e.Message)}");
            return CliApp.Failed;
        }
        catch (Exception e)
        {
            await context.Error.WriteLineAsync($"hostops: {OneLine(e.Message)}");
            return CliApp.Failed;
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
