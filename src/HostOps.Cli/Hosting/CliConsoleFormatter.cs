using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace HostOps.Cli.Hosting;

/// <summary>
/// <c>16:09:23 info  ManagedNatsServer: message</c>: one short line per event. The simple console formatter
/// always prints the full category and the event id, which bury the message in a terminal.
/// </summary>
internal sealed class CliConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "hostops";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var level = logEntry.LogLevel switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
        var category = logEntry.Category[(logEntry.Category.LastIndexOf('.') + 1)..];
        textWriter.Write($"{DateTime.Now:HH:mm:ss} {level}  {category}: {message}");
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write($" ({exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")})");
        }

        textWriter.WriteLine();
    }
}
