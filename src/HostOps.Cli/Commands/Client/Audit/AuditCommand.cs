using System.CommandLine;
using HostOps.Cli.Rendering;
using HostOps.Client.Http;
using HostOps.Contracts.Json;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Audit;

/// <summary><c>hostops client audit list|export</c>: the audit log (admin token), filtered alike by both.</summary>
internal static class AuditCommand
{
    private static readonly Option<string?> Subject = new("--subject") { Description = "Only requests of this token subject", HelpName = "SUBJECT" };
    private static readonly Option<string?> Path = new("--path") { Description = "Only requests whose path starts with this (e.g. /job)", HelpName = "PREFIX" };
    private static readonly Option<int?> Code = ClientOptions.Number("--code", "", "Only requests answered with this HTTP status (e.g. 403)");
    private static readonly Option<DateTimeOffset?> Since = new("--since") { Description = "Only requests from this time on (ISO 8601, e.g. 2026-11-30T08:00:00Z)", HelpName = "TIME" };
    private static readonly Option<DateTimeOffset?> Until = new("--until") { Description = "Only requests up to this time (ISO 8601)", HelpName = "TIME" };

    public static Command Create() =>
        new Command("audit", "Read the audit log: who changed what, and which requests were refused (admin).")
        {
            List(),
            Export(),
        }.WithExamples(
            "hostops client audit list --code 403",
            "hostops client audit list --subject alice --since 2026-11-30T00:00:00Z",
            "hostops client audit export --path /job > audit.ndjson");

    private static Command List()
    {
        var limit = ClientOptions.Number("--limit", "-n", "At most this many entries (1-1000, default 100)");
        var cursor = new Option<string?>("--cursor") { Description = "Continue after the page that printed this cursor", HelpName = "CURSOR" };
        var command = new Command("list", "List audited requests, oldest first (GET /audit)") { Subject, Path, Code, Since, Until, limit, cursor }
            .WithExamples("hostops client audit list --code 401", "hostops client audit list --cursor YTE6MTIz");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            var request = ApiRequest.ListAudit(Filter(context), context.Parse.GetValue(limit), context.Parse.GetValue(cursor));
            await session.ShowAsync(request, HostOpsJsonContext.Default.AuditPage, (console, page) =>
            {
                var table = CliConsole.Table("Time", "Subject", "Method", "Path", "Target", "Code", "Job", "ms");
                foreach (var entry in page.Items)
                {
                    table.AddRow(
                        new Text(Units.Time(entry.Time)),
                        new Text(entry.Subject ?? "-"),
                        new Text(entry.Method),
                        new Text(entry.Path),
                        new Text(entry.Target ?? ""),
                        new Text(entry.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        new Text(entry.JobId?.ToString() ?? ""),
                        new Text(entry.DurationMs.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)));
                }

                console.Write(table);
                console.WriteLine($"{page.Items.Count} entries");
                if (page.Next is { } next)
                {
                    console.WriteLine($"Next page: add --cursor {next}");
                }
            });
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Export()
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output", HelpName = "FILE" };
        var command = new Command("export", "Every matching entry as NDJSON, one JSON object per line (GET /audit/export)") { Subject, Path, Code, Since, Until, output }
            .WithExamples("hostops client audit export --since 2026-11-01T00:00:00Z -o november.ndjson");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            var filter = Filter(context);
            if (context.Parse.GetValue(output) is not { } file)
            {
                await WriteAsync(session, filter, context.Output);
                return CliApp.Ok;
            }

            // Written beside the target and renamed at the end: a failed export leaves no half file behind.
            var partial = file.FullName + ".partial";
            var count = 0;
            try
            {
                await using (var writer = new StreamWriter(partial))
                {
                    count = await WriteAsync(session, filter, writer);
                }

                File.Move(partial, file.FullName, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }

            session.Console.WriteLine($"Wrote {count} entries to {file.FullName}");
            return CliApp.Ok;
        });
        return command;
    }

    private static async Task<int> WriteAsync(ClientSession session, AuditFilter filter, TextWriter writer)
    {
        var count = 0;
        await foreach (var entry in session.Api.ExportAuditAsync(filter, session.CancellationToken))
        {
            await writer.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(entry, HostOpsJsonContext.Default.AuditEntry));
            count++;
        }

        return count;
    }

    private static AuditFilter Filter(CommandContext context) => new(
        context.Parse.GetValue(Subject),
        context.Parse.GetValue(Path),
        context.Parse.GetValue(Code),
        context.Parse.GetValue(Since),
        context.Parse.GetValue(Until));
}
