using Spectre.Console;

namespace HostOps.Cli.Rendering;

/// <summary>A Spectre console over the command's output writer: colours only on a terminal, a fixed width elsewhere.</summary>
internal static class CliConsole
{
    public static IAnsiConsole Create(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    /// <summary>A plain table with bold headers, the one look every command uses.</summary>
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(header)}[/]"));
        }

        return table;
    }

    /// <summary>Adds a row of plain text cells (escaped, so values with brackets print as they are).</summary>
    public static Table Row(this Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c ?? "")).ToArray());

    public static string Status(string status) =>
        status switch
        {
            "ok" or "completed" or "ready" => $"[green]{Markup.Escape(status)}[/]",
            "error" or "failed" or "dlq" or "degraded" or "not_ready" or "partial_failure" => $"[red]{Markup.Escape(status)}[/]",
            _ => $"[yellow]{Markup.Escape(status)}[/]",
        };
}
