using System.Globalization;
using System.Text.RegularExpressions;

namespace HostOps.Api.Tests.Telemetry;

/// <summary>Reads samples out of a Prometheus text exposition (what <c>GET /metrics</c> answers).</summary>
internal static partial class PrometheusText
{
    public static async Task<string> ScrapeAsync(int port)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync($"http://127.0.0.1:{port}/metrics", TestContext.Current.CancellationToken);
    }

    /// <summary>The sum of the samples of <paramref name="metric"/> whose labels include every one of <paramref name="labels"/>; null when none.</summary>
    public static double? Value(string text, string metric, params (string Name, string Value)[] labels)
    {
        double? sum = null;
        foreach (Match match in Sample().Matches(text))
        {
            if (match.Groups["name"].Value != metric)
            {
                continue;
            }

            var found = match.Groups["labels"].Value;
            if (labels.All(l => found.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                sum = (sum ?? 0) + double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
