using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HostOps.Cli.Rendering;
using HostOps.Contracts.Operations;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Declared;

/// <summary>
/// Tables for a declared operation's answer, from the result's JSON: one row per host (host, status, changed for a
/// change, error, then each plain value); a list of records in the data (services, packages, processes, log
/// entries) gets a second table with a row per record, led by its host.
/// </summary>
internal static class DeclaredResultsView
{
    private static readonly HashSet<string> Outcome = ["hostname", "status", "changed", "error"];

    public static void Render<TInput, TResult>(IAnsiConsole console, Operation<TInput, TResult> operation, NodeResults<TResult> results)
        where TInput : class
        where TResult : HostOutcome, new()
    {
        var items = results.Results.Select(r => JsonSerializer.SerializeToNode(r, operation.Result) as JsonObject ?? []).ToList();
        var scalars = Columns(items, node => node is JsonValue);
        var headers = new List<string> { "Host", "Status" };
        if (operation.ChangesHost)
        {
            headers.Add("Changed");
        }

        var hosts = CliConsole.Table([.. headers, .. scalars.Select(Header), "Error"]);
        foreach (var (result, item) in results.Results.Zip(items))
        {
            var cells = new List<string?> { result.Hostname, result.Status };
            if (operation.ChangesHost)
            {
                cells.Add(result.Changed ? "yes" : "no");
            }

            hosts.Row([.. cells, .. scalars.Select(c => Text(item[c])), result.Error]);
        }

        console.Write(hosts);
        foreach (var list in Columns(items, node => node is JsonArray { Count: > 0 } a && a.All(e => e is JsonObject)))
        {
            var records = items.Zip(results.Results).SelectMany(p => (p.First[list] as JsonArray ?? []).OfType<JsonObject>().Select(r => (p.Second.Hostname, Record: r))).ToList();
            var columns = records.SelectMany(r => r.Record.Where(p => p.Value is not JsonObject and not JsonArray).Select(p => p.Key)).Distinct().ToList();
            var table = CliConsole.Table(["Host", .. columns.Select(Header)]);
            foreach (var (host, record) in records)
            {
                table.Row([host, .. columns.Select(c => Text(record[c]))]);
            }

            console.Write(table);
        }
    }

    private static List<string> Columns(List<JsonObject> items, Func<JsonNode?, bool> kind) =>
        [.. items.SelectMany(i => i.Where(p => !Outcome.Contains(p.Key) && kind(p.Value)).Select(p => p.Key)).Distinct()];

    private static string Header(string name) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('_', ' '));

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True ? "yes" : "no",
        _ => value.ToJsonString(),
    };
}
