using System.Diagnostics;
using System.Globalization;
using HostOps.Agent;
using HostOps.Api;
using HostOps.Client;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Security;
using HostOps.Jobs.Client;
using HostOps.Jobs.Events;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Bench;

/// <summary>
/// <c>GET /job/events</c> under load: the API (Kestrel on loopback) with one in-process agent, <c>clients</c> SSE
/// clients (the SDK's reader, over real HTTP) reading every change, while jobs are submitted at a paced rate through
/// <c>JobClient</c>. Reports the submit rate reached, events delivered per second over all clients, the lag p99
/// (receive time minus the change's recorded time) and clients dropped for falling behind.
/// </summary>
internal static class EventsBench
{
    public const string Mode = "events";

    public static async Task<List<(string Figure, string Value)>> RunAsync(IConfiguration jobConfiguration, int rate, TimeSpan duration, int clients)
    {
        var port = NatsServerProcess.FreeTcpPort();
        var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(jobConfiguration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["api:server:port"] = port.ToString(CultureInfo.InvariantCulture),
                ["api:server:security:signing_key"] = signingKey,
                ["api:server:events:max_streams_per_token"] = clients.ToString(CultureInfo.InvariantCulture),
                ["job:worker:hostname"] = "bench-events-agent",
                ["job:worker:max_jobs"] = "64",
                ["Logging:LogLevel:Default"] = "Warning",
            })
            .Build();
        await BenchJobConfiguration.EnsureResourcesAsync(configuration);

        var builder = ApiServer.CreateBuilder(configuration);
        builder.Services.AddHostOpsAgent(configuration);
        await using var app = ApiServer.Build(builder);
        await app.StartAsync();
        var jobs = app.Services.GetRequiredService<JobClient>();
        var feed = app.Services.GetRequiredService<JobEventFeed>();
        for (var i = 0; i < 200; i++)
        {
            await jobs.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), null, CancellationToken.None);
        }

        var token = new JwtIssuer(signingKey).Issue(new TokenRequest("bench", [Scopes.Read], [], TimeSpan.FromHours(1)));
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, clients).Select(_ => Task.Run(() => ReadAsync($"http://127.0.0.1:{port}/", token, stop.Token))).ToList();
        while (feed.SubscriberCount < clients)
        {
            await Task.Delay(20);
        }

        var clock = Stopwatch.StartNew();
        var submitted = await SubmitPacedAsync(jobs, rate, duration);
        var submitSeconds = clock.Elapsed.TotalSeconds;
        var expected = (long)submitted * 3; // submitted, started, completed per job and client
        var deadline = Stopwatch.StartNew();
        while (readers.Any(r => !r.IsCompleted) && Interlocked.Read(ref _received) < expected * clients && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        var deliverSeconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        var results = await Task.WhenAll(readers);
        await app.StopAsync();

        var lags = results.SelectMany(r => r.Lags).Order().ToArray();
        var total = results.Sum(r => (long)r.Lags.Count);
        return
        [
            ("events bench: jobs submitted / target rate (jobs/s)", $"{submitted / submitSeconds:N0} / {rate:N0}"),
            ($"events bench: events delivered to {clients} SSE clients (events/s, all clients)", $"{total / deliverSeconds:N0}"),
            ("events bench: events expected / delivered", $"{expected * clients:N0} / {total:N0}"),
            ("events bench: lag p50 / p99 (ms, change recorded → client parsed)", $"{Percentile(lags, 0.50):0.0} / {Percentile(lags, 0.99):0.0}"),
            ("events bench: clients dropped as too slow", $"{results.Count(r => r.Dropped)}"),
        ];
    }

    private static long _received;

    private static async Task<(List<double> Lags, bool Dropped)> ReadAsync(string url, string token, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan };
        var api = new HostOpsApiClient(http, token);
        var lags = new List<double>(1 << 16);
        try
        {
            await foreach (var change in api.WatchJobEventsAsync(cancellationToken: stop))
            {
                lags.Add((DateTimeOffset.UtcNow - change.Time).TotalMilliseconds);
                Interlocked.Increment(ref _received);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return (lags, false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return (lags, true);
        }

        return (lags, !stop.IsCancellationRequested);
    }

    // Every 10 ms the jobs due by then, 256 in flight at most: the rate is held unless the machine cannot.
    private static async Task<int> SubmitPacedAsync(JobClient jobs, int rate, TimeSpan duration)
    {
        using var inFlight = new SemaphoreSlim(256);
        var pending = new List<Task>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (clock.Elapsed < duration)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                await inFlight.WaitAsync();
                pending.Add(SubmitOneAsync(jobs, inFlight));
            }

            await Task.Delay(10);
        }

        await Task.WhenAll(pending);
        return sent;
    }

    private static async Task SubmitOneAsync(JobClient jobs, SemaphoreSlim inFlight)
    {
        try
        {
            await jobs.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), null, CancellationToken.None);
        }
        finally
        {
            inFlight.Release();
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
