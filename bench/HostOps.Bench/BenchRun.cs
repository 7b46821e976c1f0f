using System.Diagnostics;
using System.Globalization;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Index;
using HostOps.Testing.Agents;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace HostOps.Bench;

/// <summary>One bench run: one nats-server (file storage), every figure measured against it, one table printed.</summary>
internal sealed class BenchRun : IAsyncDisposable
{
    private static readonly JobOperation Hostname = new(OperationTypes.HostnameGet);
    private readonly BenchSettings _settings;
    private readonly NatsServerProcess _server;
    private readonly NatsConnection _connection;
    private readonly List<(string Figure, string Value)> _rows = [];

    private BenchRun(BenchSettings settings, NatsServerProcess server, NatsConnection connection)
    {
        _settings = settings;
        _server = server;
        _connection = connection;
    }

    public static async Task<BenchRun> StartAsync(BenchSettings settings)
    {
        var server = await NatsServerProcess.StartAsync();
        var connection = new NatsConnection(new NatsOpts { Url = server.Url });
        await connection.ConnectAsync();
        return new BenchRun(settings, server, connection);
    }

    public async Task ExecuteAsync()
    {
        var (publish, consume) = await RawJetStreamAsync();
        Row("raw JetStream: pipelined publish-with-ack (msgs/s)", publish);
        Row("raw JetStream: consume+ack (msgs/s)", consume);

        var (jobsPerSecond, p50, p99) = await EndToEndAsync();
        Row($"HostOps end-to-end system.hostname.get, 1 agent (jobs/s, {_settings.Concurrency} in flight)", jobsPerSecond);
        Row("ratio end-to-end / raw consume+ack", jobsPerSecond / consume, "0.000");
        Row($"submit-to-completed p50 at {_settings.PacedRate} jobs/s (ms)", p50, "0.00");
        Row($"submit-to-completed p99 at {_settings.PacedRate} jobs/s (ms)", p99, "0.00");

        var (small, large) = await StatsLatencyAsync();
        Row("statistics query p50 at 1,000 jobs (ms)", small, "0.000");
        Row($"statistics query p50 at {_settings.StatsJobs:N0} jobs (ms)", large, "0.000");
        Row($"ratio statistics {_settings.StatsJobs:N0} / 1,000", large / small, "0.00");

        var (health, status) = await HttpBench.RunAsync(
            FileBacked(TestJobConfiguration.Create(_server.Url)), _settings.StatsJobs, TimeSpan.FromSeconds(10));
        Row("GET /health requests/s (wrk -t2 -c16, 10 s)", health.RequestsPerSecond);
        Row("GET /health p99 (ms)", health.P99Ms, "0.00");
        Row($"GET /health/status requests/s with {_settings.StatsJobs:N0} jobs", status.RequestsPerSecond);
        Row($"GET /health/status p99 with {_settings.StatsJobs:N0} jobs (ms)", status.P99Ms, "0.00");
        Row("ratio /health/status / /health throughput", status.RequestsPerSecond / health.RequestsPerSecond, "0.00");
        PrintTable();
    }

    /// <summary>The job index alone: bytes per stored job and the API's RSS (<see cref="IndexMemoryBench"/>).</summary>
    public async Task IndexMemoryAsync()
    {
        foreach (var (figure, value) in await IndexMemoryBench.RunAsync(_server.Url, _settings.IndexJobs))
        {
            Console.WriteLine($"{figure}: {value}");
            _rows.Add((figure, value));
        }

        PrintTable();
    }

    private void PrintTable()
    {
        Console.WriteLine();
        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        _rows.ForEach(r => Console.WriteLine($"| {r.Figure} | {r.Value} |"));
    }

    private async Task<(double Publish, double Consume)> RawJetStreamAsync()
    {
        var js = new NatsJSContext(_connection);
        await js.CreateStreamAsync(new StreamConfig("BENCH", ["bench.>"]) { Storage = StreamConfigStorage.File });
        var payload = Guid.NewGuid().ToString() + "/1";
        var count = _settings.RawMessages;
        var publish = await Measure.ThroughputAsync(count, 512, async _ => (await js.PublishAsync("bench.x", payload)).EnsureSuccess());
        var consumer = await js.CreateOrUpdateConsumerAsync("BENCH", new ConsumerConfig("bench") { DurableName = "bench", AckPolicy = ConsumerConfigAckPolicy.Explicit });
        var clock = Stopwatch.StartNew();
        var received = 0;
        await foreach (var msg in consumer.ConsumeAsync<string>(opts: new NatsJSConsumeOpts { MaxMsgs = 1000 }))
        {
            await msg.AckAsync();
            if (++received == count)
            {
                break;
            }
        }

        return (publish, count / clock.Elapsed.TotalSeconds);
    }

    private async Task<(double JobsPerSecond, double P50, double P99)> EndToEndAsync()
    {
        var configuration = FileBacked(TestJobConfiguration.Create(_server.Url));
        await using var system = await TestJobSystem.StartAsync(_server.Url, configuration);
        await using var agent = await TestAgent.StartAsync(configuration, "bench-agent", maxJobs: 64);
        var index = system.Services.GetRequiredService<JobIndex>();
        await WarmUpAsync(system, index);

        var ids = new Guid[_settings.Jobs];
        var clock = Stopwatch.StartNew();
        await Measure.ThroughputAsync(_settings.Jobs, _settings.Concurrency, async i =>
        {
            ids[i] = (await system.Client.SubmitAsync(Hostname, null, CancellationToken.None)).JobId;
            await index.WhenTerminalAsync(ids[i], Timeout.InfiniteTimeSpan, CancellationToken.None);
        });
        var jobsPerSecond = _settings.Jobs / clock.Elapsed.TotalSeconds;
        var failed = ids.Count(id => index.Find(id)?.View.Status != JobStatus.Completed);
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} bench jobs did not complete");
        }

        var latencies = await PacedLatenciesAsync(system, index);
        return (jobsPerSecond, Measure.Percentile(latencies, 50), Measure.Percentile(latencies, 99));
    }

    private async Task<List<double>> PacedLatenciesAsync(TestJobSystem system, JobIndex index)
    {
        var total = (int)(_settings.PacedRate * _settings.PacedFor.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / _settings.PacedRate);
        var latencies = new double[total];
        var running = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var n = i;
            running.Add(Task.Run(async () =>
            {
                var start = Stopwatch.GetTimestamp();
                var id = (await system.Client.SubmitAsync(Hostname, null, CancellationToken.None)).JobId;
                await index.WhenTerminalAsync(id, Timeout.InfiniteTimeSpan, CancellationToken.None);
                latencies[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(running);
        return [.. latencies.Order()];
    }

    private async Task<(double Small, double Large)> StatsLatencyAsync()
    {
        var configuration = FileBacked(TestJobConfiguration.Create(_server.Url));
        await using var system = await TestJobSystem.StartAsync(_server.Url, configuration);
        await FillAsync(system, 1_000);
        var small = Measure.Percentile(await Measure.LatenciesAsync(300, () => system.Client.GetStatsAsync(CancellationToken.None)), 50);
        var submitted = await FillAsync(system, _settings.StatsJobs - 1_000);
        Row($"submit only, no agent (jobs/s, 256 in flight)", submitted);
        var large = Measure.Percentile(await Measure.LatenciesAsync(300, () => system.Client.GetStatsAsync(CancellationToken.None)), 50);
        var total = (await system.Client.GetStatsAsync(CancellationToken.None)).TotalJobs;
        if (total != _settings.StatsJobs)
        {
            throw new InvalidOperationException($"expected {_settings.StatsJobs} stored jobs, counted {total}");
        }

        return (small, large);
    }

    private static Task<double> FillAsync(TestJobSystem system, int count) =>
        Measure.ThroughputAsync(count, 256, _ => system.Client.SubmitAsync(Hostname, null, CancellationToken.None));

    private static async Task WarmUpAsync(TestJobSystem system, JobIndex index)
    {
        for (var i = 0; i < 200; i++)
        {
            await index.WhenTerminalAsync((await system.Client.SubmitAsync(Hostname, null, CancellationToken.None)).JobId, Timeout.InfiniteTimeSpan, CancellationToken.None);
        }
    }

    private static IConfiguration FileBacked(IConfiguration configuration)
    {
        foreach (var section in new[] { "stream", "dlq", "kv", "registry" })
        {
            configuration[$"job:{section}:storage"] = "file";
        }

        // The production sizes, not the tests' small in-memory limits: a bench stores far more jobs.
        var defaults = new JobOptions();
        configuration["job:stream:max_bytes"] = defaults.Stream.MaxBytes.ToString();
        configuration["job:kv:max_bytes"] = defaults.Kv.MaxBytes.ToString();
        configuration["job:dlq:max_bytes"] = defaults.Dlq.MaxBytes.ToString();
        configuration["job:registry:max_bytes"] = defaults.Registry.MaxBytes.ToString();

        // The production timings, not the tests' fast ones (a sweep and a heartbeat every 200 ms).
        configuration["job:sweep:interval"] = defaults.Sweep.Interval.ToString();
        configuration["job:registry:heartbeat_interval"] = defaults.Registry.HeartbeatInterval.ToString();
        configuration["job:registry:ttl"] = defaults.Registry.Ttl.ToString();
        configuration["job:consumer:ack_wait"] = defaults.Consumer.AckWait.ToString();

        return configuration;
    }

    private void Row(string figure, double value, string format = "N0")
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        Console.WriteLine($"{figure}: {text}");
        _rows.Add((figure, text));
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _server.DisposeAsync();
    }
}
