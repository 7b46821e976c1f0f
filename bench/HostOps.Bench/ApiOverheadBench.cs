using System.Diagnostics;
using System.Globalization;
using System.Text;
using HostOps.Agent;
using HostOps.Api;
using HostOps.Contracts.Security;
using HostOps.Testing.Nats;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace HostOps.Bench;

/// <summary>
/// <c>api-overhead</c>: <c>POST /job</c> on a bare API (no metrics listener, no audit log) against one with
/// <c>metrics.listen</c> set (scraped once a second, as Prometheus would, more often than its default 15 s) and one
/// with the audit log on (<c>api.audit.enabled</c>), each with its agent in the process and its own job resources on
/// one nats-server, one API at a time. Rounds alternate the three; prints requests/s and p99 of each (means over the
/// rounds), and the ratios to the bare API.
/// </summary>
internal static class ApiOverheadBench
{
    public const string Mode = "api-overhead";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Option(args, "--requests", 5000);
        var rounds = Option(args, "--rounds", 3);
        await using var nats = await BenchNatsServer.StartAsync("127.0.0.1", tls: false, identities: false);
        // One API at a time: a meter provider listens to every meter of its name in the process, so an API without
        // metrics running beside one with them would be measured too.
        var results = await Measure.AlternatingAsync(rounds,
        [
            () => OneRunAsync(nats, Variant.Bare, requests),
            () => OneRunAsync(nats, Variant.Metrics, requests),
            () => OneRunAsync(nats, Variant.Audit, requests),
        ]);
        var rps = results.Select(r => r.Select(x => x.Rps).Average()).ToList();
        var p99 = results.Select(r => r.Select(x => x.P99Ms).Average()).ToList();
        Console.WriteLine($"| POST /job, {requests} requests x {rounds} rounds, 16 in flight | bare | metrics on | audit on | metrics / bare | audit / bare |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| requests/s | {rps[0]:F0} | {rps[1]:F0} | {rps[2]:F0} | {rps[1] / rps[0]:F2} | {rps[2] / rps[0]:F2} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| p99 ms | {p99[0]:F1} | {p99[1]:F1} | {p99[2]:F1} | {p99[1] / p99[0]:F2} | {p99[2] / p99[0]:F2} |"));
        return 0;
    }

    private enum Variant
    {
        Bare,
        Metrics,
        Audit,
    }

    private static async Task<(double Rps, double P99Ms)> OneRunAsync(BenchNatsServer nats, Variant variant, int requests)
    {
        int? metricsPort = variant == Variant.Metrics ? NatsServerProcess.FreeTcpPort() : null;
        await using var api = await StartApiAsync(nats.ApiConfiguration, metricsPort, audit: variant == Variant.Audit);
        using var scrapes = new CancellationTokenSource();
        var scraping = metricsPort is { } port ? ScrapeAsync(port, scrapes.Token) : Task.CompletedTask;
        await PostJobsAsync(api, Math.Max(requests / 10, 100)); // warm-up
        var result = await PostJobsAsync(api, requests);
        await scrapes.CancelAsync();
        await scraping;
        return result;
    }

    private static async Task<(double Rps, double P99Ms)> PostJobsAsync(BenchApi api, int requests)
    {
        var latencies = new double[requests];
        var rps = await Measure.ThroughputAsync(requests, 16, async i =>
        {
            var start = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/job")
            {
                Content = new StringContent("""{"operation":{"type":"system.uptime.get"}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", api.Token);
            using var response = await api.Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        });
        Array.Sort(latencies);
        return (rps, Measure.Percentile(latencies, 99));
    }

    private static async Task ScrapeAsync(int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        while (!cancellationToken.IsCancellationRequested)
        {
            await http.GetStringAsync($"http://127.0.0.1:{port}/metrics", CancellationToken.None);
            await Task.Delay(1000, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task<BenchApi> StartApiAsync(IConfiguration natsConfiguration, int? metricsPort, bool audit)
    {
        var jobs = BenchJobConfiguration.Create(natsConfiguration["nats:url"]!);
        var port = NatsServerProcess.FreeTcpPort();
        var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var configuration = BenchJobConfiguration.With(jobs, new Dictionary<string, string?>
        {
            ["api:server:port"] = port.ToString(CultureInfo.InvariantCulture),
            ["api:server:security:signing_key"] = signingKey,
            ["job:worker:hostname"] = $"bench-metrics-{port}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["metrics:listen"] = metricsPort is { } p ? $"127.0.0.1:{p}" : "",
            ["api:audit:enabled"] = audit ? "true" : "false",
        });
        await BenchJobConfiguration.EnsureResourcesAsync(configuration);

        var builder = ApiServer.CreateBuilder(configuration);
        // The agent shares the API's process and its meter provider; it opens no listener of its own.
        builder.Services.AddHostOpsAgent(BenchJobConfiguration.With(configuration, new Dictionary<string, string?> { ["metrics:listen"] = "" }));
        var app = ApiServer.Build(builder);
        await app.StartAsync();
        var token = new JwtIssuer(signingKey).Issue(new TokenRequest("bench", [Scopes.Write], [], TimeSpan.FromHours(1)));
        return new BenchApi(app, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }, token);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record BenchApi(WebApplication App, HttpClient Http, string Token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
