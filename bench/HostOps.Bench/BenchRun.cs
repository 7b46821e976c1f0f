using System.Diagnostics;
using System.Globalization;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
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
        await JobFiguresAsync();

        var (small, large) = await StatsLatencyAsync();
        Row("statistics query p50 at 1,000 jobs (ms)", small, "0.000");
        Row($"statistics query p50 at {_settings.StatsJobs:N0} jobs (ms)", large, "0.000");
        Row($"ratio statistics {_settings.StatsJobs:N0} / 1,000", large / small, "0.00");

        await TlsAndNkeyAsync();
        await ClusterOrSayWhyNotAsync();

        if (HttpBench.MissingWrk() is { } missing)
        {
            Console.WriteLine(missing);
            PrintTable();
            return;
        }

        var (health, status) = await HttpBench.RunAsync(BenchJobConfiguration.Create(_server.Url), _settings.StatsJobs, TimeSpan.FromSeconds(10));
        Row("GET /health requests/s (wrk -t2 -c16, 10 s)", health.RequestsPerSecond);
        Row("GET /health p99 (ms)", health.P99Ms, "0.00");
        Row($"GET /health/status requests/s with {_settings.StatsJobs:N0} jobs", status.RequestsPerSecond);
        Row($"GET /health/status p99 with {_settings.StatsJobs:N0} jobs (ms)", status.P99Ms, "0.00");
        Row("ratio /health/status / /health throughput", status.RequestsPerSecond / health.RequestsPerSecond, "0.00");
        PrintTable();
    }

    /// <summary>Only raw JetStream and the end-to-end figures (<c>end-to-end</c>): the quick loop for job-path changes.</summary>
    public async Task EndToEndOnlyAsync()
    {
        await JobFiguresAsync();
        PrintTable();
    }

    // Raw JetStream, then end to end and the paced latencies: the ratio is between figures of this one run.
    private async Task JobFiguresAsync()
    {
        var (publish, consume) = await RawJetStreamAsync();
        Row("raw JetStream: pipelined publish-with-ack (msgs/s)", publish);
        Row("raw JetStream: consume+ack (msgs/s)", consume);

        var (throughput, p50, p99) = await EndToEndAsync();
        var jobsPerSecond = throughput.JobsPerSecond;
        Row($"HostOps end-to-end system.hostname.get, 1 agent (jobs/s, {_settings.Concurrency} in flight)", jobsPerSecond);
        Row("ratio end-to-end / raw consume+ack", jobsPerSecond / consume, "0.000");
        Row("CPU per job end to end: bench (API side + agent) / nats-server (µs)", throughput.BenchCpuMicrosPerJob, throughput.ServerCpuMicrosPerJob);
        Row($"submit-to-completed p50 at {_settings.PacedRate} jobs/s (ms)", p50, "0.00");
        Row($"submit-to-completed p99 at {_settings.PacedRate} jobs/s (ms)", p99, "0.00");
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

    private async Task<(WorkloadFigures Throughput, double P50, double P99)> EndToEndAsync()
    {
        var configuration = BenchJobConfiguration.Create(_server.Url);
        await using var workload = await EndToEndWorkload.StartAsync(configuration, configuration);
        var throughput = await WorkloadComparison.MeasureAsync(new ComparedWorkload("end to end", workload, ProcessCpu.NatsServerChildren()), _settings);
        var latencies = await workload.PacedLatenciesAsync(_settings.PacedRate, _settings.PacedFor);
        return (throughput, Measure.Percentile(latencies, 50), Measure.Percentile(latencies, 99));
    }

    /// <summary>
    /// The same end-to-end workload against a managed server secured as production runs it beyond loopback (TLS with
    /// HostOps' CA, nkey identities, the agent's least-privilege permissions) and against the same server plain and
    /// anonymous, all on this machine's own address, alternating (<see cref="WorkloadComparison"/>).
    /// </summary>
    private async Task TlsAndNkeyAsync()
    {
        if (BenchNatsServer.Host is not { } host)
        {
            Console.WriteLine("TLS + nkey comparison skipped: this machine has no IPv4 address beyond loopback, where the managed server uses TLS.");
            return;
        }

        Console.WriteLine($"TLS + nkey auth against plain, anonymous (servers on {host}):");
        var variants = new List<(string Name, bool Tls, bool Identities)> { ("plain", false, false), ("TLS+nkey", true, true) };
        if (_settings.SecurityParts)
        {
            variants.AddRange([("TLS only", true, false), ("nkey only", false, true)]);
        }

        await using var resources = new AsyncDisposables();
        var compared = new List<ComparedWorkload>();
        foreach (var (name, tls, identities) in variants)
        {
            var server = resources.Add(await BenchNatsServer.StartAsync(host, tls, identities));
            var workload = resources.Add(await EndToEndWorkload.StartAsync(server.ApiConfiguration, server.AgentConfiguration));
            compared.Add(new ComparedWorkload(name, workload, [server.ProcessId]));
        }

        var figures = await WorkloadComparison.RunAsync(_settings, [.. compared]);
        Row($"end-to-end, plain and anonymous (jobs/s, mean of {_settings.Rounds})", figures[0].JobsPerSecond);
        Row($"end-to-end, TLS + nkey identities, agent least privilege (jobs/s, mean of {_settings.Rounds})", figures[1].JobsPerSecond);
        Row("ratio TLS + nkey / plain", figures[1].JobsPerSecond / figures[0].JobsPerSecond, "0.00");
        for (var i = 2; i < variants.Count; i++)
        {
            Row($"ratio {variants[i].Name} / plain", figures[i].JobsPerSecond / figures[0].JobsPerSecond, "0.00");
        }

        for (var i = 0; i < variants.Count; i++)
        {
            Row($"CPU per job, {variants[i].Name}: bench (API side + agent) / nats-server (µs)", figures[i].BenchCpuMicrosPerJob, figures[i].ServerCpuMicrosPerJob);
        }
    }

    /// <summary>
    /// The same end-to-end workload with every stream and bucket at replicas 3 on a three-server cluster of managed
    /// servers (<see cref="ManagedNatsCluster"/>; API and agent given all three URLs) and at replicas 1 on one managed
    /// server, both as the control plane's identity, alternating (<see cref="WorkloadComparison"/>).
    /// </summary>
    private async Task ClusterAsync()
    {
        Console.WriteLine("3-server cluster, replicas 3, against one server:");
        var others = ProcessCpu.NatsServerChildren();
        await using var cluster = await ManagedNatsCluster.StartAsync(3);
        var clusterPids = ProcessCpu.NatsServerChildren().Except(others).ToList();
        await using var single = await BenchNatsServer.StartForAsync(cluster.Api);
        await JetStreamQuorum.WaitAsync(cluster.Urls, cluster.Api, 3, TimeSpan.FromSeconds(60));
        var replicated = BenchJobConfiguration.With(
            BenchJobConfiguration.Create(cluster.Urls, replicas: 3), new Dictionary<string, string?> { ["nats:nkey_file"] = cluster.Api.Path });
        await using var one = await EndToEndWorkload.StartAsync(single.ApiConfiguration, single.AgentConfiguration);
        await using var three = await EndToEndWorkload.StartAsync(replicated, replicated);
        var figures = await WorkloadComparison.RunAsync(
            _settings, new ComparedWorkload("1 server R1", one, [single.ProcessId]), new ComparedWorkload("3 servers R3", three, clusterPids));
        Row($"end-to-end, 1 server, replicas 1 (jobs/s, mean of {_settings.Rounds})", figures[0].JobsPerSecond);
        Row($"end-to-end, 3-server cluster, replicas 3 (jobs/s, mean of {_settings.Rounds})", figures[1].JobsPerSecond);
        Row("ratio cluster R3 / single server", figures[1].JobsPerSecond / figures[0].JobsPerSecond, "0.00");
        Row("CPU per job, 1 server R1: bench / nats-server (µs)", figures[0].BenchCpuMicrosPerJob, figures[0].ServerCpuMicrosPerJob);
        Row("CPU per job, 3 servers R3: bench / all three nats-servers (µs)", figures[1].BenchCpuMicrosPerJob, figures[1].ServerCpuMicrosPerJob);
    }

    /// <summary>
    /// The cluster comparison; a job stranded on the cluster (see docs/benchmarks.md) ends it with a row saying so,
    /// and the run goes on to the other figures.
    /// </summary>
    private async Task ClusterOrSayWhyNotAsync()
    {
        try
        {
            await ClusterAsync();
        }
        catch (TimeoutException e)
        {
            Console.WriteLine($"cluster comparison stopped: {e.Message}");
            Row("ratio cluster R3 / single server", "not measured: a job was stranded (see the line above)");
        }
    }

    /// <summary>Only the fleet comparisons (<c>fleet</c>), or only one of them (<c>fleet tls</c>, <c>fleet cluster</c>).</summary>
    public async Task FleetAsync(string? only)
    {
        if (only is null or "tls")
        {
            await TlsAndNkeyAsync();
        }

        if (only is null or "cluster")
        {
            await ClusterOrSayWhyNotAsync();
        }

        PrintTable();
    }

    private async Task<(double Small, double Large)> StatsLatencyAsync()
    {
        var configuration = BenchJobConfiguration.Create(_server.Url);
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

    private void Row(string figure, double first, double second) =>
        Row(figure, string.Create(CultureInfo.InvariantCulture, $"{first:N0} / {second:N0}"));

    private void Row(string figure, double value, string format = "N0") => Row(figure, value.ToString(format, CultureInfo.InvariantCulture));

    private void Row(string figure, string text)
    {
        Console.WriteLine($"{figure}: {text}");
        _rows.Add((figure, text));
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _server.DisposeAsync();
    }
}
