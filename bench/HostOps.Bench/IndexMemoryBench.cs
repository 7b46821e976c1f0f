using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HostOps.Jobs.Index;
using HostOps.Jobs.Store;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Bench;

/// <summary>
/// What the API's job index costs per stored job, and the API's RSS with a million stored jobs. The bucket is filled
/// directly (a definition and a <c>completed</c> event per job, pipelined puts; running a million jobs would measure
/// the agents, not the index). Managed heap: <c>GC.GetTotalMemory(true)</c> of this process before the fill (index
/// started on the empty bucket) and after the index has applied every write, divided by the jobs. RSS: a fresh API
/// process (<see cref="ApiRssProbe"/>, workstation GC as <c>hostops</c> runs) rebuilding its index from the filled
/// bucket, read from <c>/proc/self/status</c>.
/// </summary>
internal static class IndexMemoryBench
{
    public static async Task<List<(string Figure, string Value)>> RunAsync(string natsUrl, IReadOnlyList<int> sizes)
    {
        var rows = new List<(string, string)>();
        var configuration = TestJobConfiguration.Create(natsUrl);
        foreach (var section in new[] { "stream", "dlq", "kv", "registry" })
        {
            configuration[$"job:{section}:storage"] = "file";
        }

        var start = DateTimeOffset.UtcNow.AddHours(-1);
        ApiRssReport empty;
        await using (var system = await TestJobSystem.StartAsync(natsUrl, configuration))
        {
            empty = await ApiRssProbe.RunChildAsync(configuration, 0);
            var index = system.Services.GetRequiredService<JobIndex>();
            var buckets = system.Services.GetRequiredService<JobBuckets>();
            var store = await buckets.JobsAsync(CancellationToken.None);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var stored = 0;
            foreach (var size in sizes)
            {
                var clock = Stopwatch.StartNew();
                var last = await StoredJobs.WriteAsync(store, size - stored, start.AddMilliseconds(stored));
                if (!await index.WaitForRevisionAsync(last, TimeSpan.FromMinutes(10), CancellationToken.None))
                {
                    throw new InvalidOperationException($"the index did not apply {size:N0} jobs within 10 minutes");
                }

                var fillSeconds = clock.Elapsed.TotalSeconds;
                stored = size;
                var heap = GC.GetTotalMemory(forceFullCollection: true) - before;
                if (index.Counts().Total != size)
                {
                    throw new InvalidOperationException($"expected {size:N0} jobs in the index, counted {index.Counts().Total:N0}");
                }

                Console.WriteLine($"{size:N0} jobs stored and indexed in {fillSeconds:F1} s");
                rows.Add(($"index managed heap at {size:N0} jobs (MB)", Format(heap / 1048576.0, "N1")));
                rows.Add(($"index bytes per job at {size:N0} jobs", Format(heap / (double)size, "N0")));
            }
        }

        var probe = await ApiRssProbe.RunChildAsync(configuration, sizes[^1]);
        rows.Add(($"API process rebuilding its index from {sizes[^1]:N0} stored jobs (s)", Format(probe.RebuildSeconds, "N1")));
        rows.Add(($"API RSS after the rebuild, {sizes[^1]:N0} jobs (MB)", Format(probe.RssBytes / 1048576.0, "N0")));
        rows.Add(($"API peak RSS during the rebuild (MB)", Format(probe.PeakRssBytes / 1048576.0, "N0")));
        rows.Add(($"API managed heap after the rebuild (MB)", Format(probe.HeapBytes / 1048576.0, "N0")));
        rows.Add(("API RSS with an empty bucket (MB)", Format(empty.RssBytes / 1048576.0, "N0")));
        return rows;
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>What the API process reported about itself.</summary>
internal sealed record ApiRssReport(double RebuildSeconds, long RssBytes, long PeakRssBytes, long HeapBytes);

/// <summary>
/// The API as its own process: <c>HostOps.Bench api-rss</c> starts <see cref="HostOps.Api.ApiServer"/> on the given
/// job configuration, waits until its index holds the expected jobs, and prints one JSON line with its memory.
/// </summary>
internal static class ApiRssProbe
{
    public const string Mode = "api-rss";
    private const string Prefix = "HOSTOPS_BENCH_";

    public static async Task<ApiRssReport> RunChildAsync(IConfiguration jobConfiguration, int expectedJobs)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ApiRssProbe).Assembly.Location);
        }

        info.ArgumentList.Add(Mode);
        info.ArgumentList.Add(expectedJobs.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in jobConfiguration.AsEnumerable())
        {
            if (value is not null)
            {
                info.Environment[Prefix + key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        // hostops (the CLI that runs the API) uses the default workstation GC; the bench itself runs server GC.
        info.Environment["DOTNET_gcServer"] = "0";
        using var child = Process.Start(info) ?? throw new InvalidOperationException("the API probe did not start");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"the API probe failed (exit {child.ExitCode}):\n{output}");
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new ApiRssReport(
            root.GetProperty("rebuild_seconds").GetDouble(),
            (long)root.GetProperty("rss").GetDouble(),
            (long)root.GetProperty("peak_rss").GetDouble(),
            (long)root.GetProperty("heap").GetDouble());
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var expected = int.Parse(args[1], CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables(Prefix)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["api:server:port"] = NatsServerProcess.FreeTcpPort().ToString(CultureInfo.InvariantCulture),
                ["api:server:security:signing_key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                ["Logging:LogLevel:Default"] = "Warning",
            })
            .Build();
        var clock = Stopwatch.StartNew();
        await using var app = HostOps.Api.ApiServer.Build(HostOps.Api.ApiServer.CreateBuilder(configuration));
        await app.StartAsync();
        var index = app.Services.GetRequiredService<JobIndex>();
        while (index.Counts().Total < expected)
        {
            await Task.Delay(100);
        }

        var rebuild = clock.Elapsed.TotalSeconds;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["rebuild_seconds"] = rebuild,
            ["rss"] = ReadStatus("VmRSS"),
            ["peak_rss"] = ReadStatus("VmHWM"),
            ["heap"] = heap,
        }));
        await app.StopAsync();
        return 0;
    }

    // "VmRSS:   123456 kB" from /proc/self/status, in bytes.
    private static long ReadStatus(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
