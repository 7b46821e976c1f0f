using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;

namespace HostOps.Cli.Commands;

/// <summary>
/// Invocation of a <c>hostops</c> command tree: usage errors exit 2 with the usage line, SIGINT/SIGTERM cancel
/// the running command (which then stops its children), and no exception reaches the terminal as a stack trace.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"hostops: {parseError.Message}");
            }

            await error.WriteLineAsync(UsageHint(parse.CommandResult.Command));
            return Usage;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,

            // Commands own shutdown: the default would abandon them after 2 s, leaving nats-server children behind.
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(invocation, stop.Token);

        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    public static string UsageHint(Command command) => $"Usage: {UsageLine(command)} (see --help)";

    public static string UsageLine(Command command)
    {
        var path = new Stack<string>();
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Push(current switch { HostOpsRootCommand root => root.Program, RootCommand => "hostops", _ => current.Name });
        }

        var arguments = command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.Name}>");
        var tail = command.Subcommands.Count > 0 ? " [command]" : "";
        return string.Join(' ', path.Concat(arguments)) + " [options]" + tail;
    }
}
