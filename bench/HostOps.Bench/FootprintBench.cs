using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HostOps.Contracts.Json;
using HostOps.Testing;
using HostOps.Testing.Nats;

namespace HostOps.Bench;

/// <summary>
/// <c>footprint [--jobs N]</c>: the packaged native agent (<c>dist/hostops-agent-linux-x64</c>, from
/// <c>./hostops package</c>) against the JIT agent (<c>hostops agent start</c> of the built CLI), in one run, each
/// joined to one control plane: file size, start to first heartbeat (a restart with its saved enrollment; the
/// median of five), resident memory idle and after N targeted jobs.
/// </summary>
internal static class FootprintBench
{
    public const string Mode = "footprint";
    private const int Starts = 5;
    private const int Concurrency = 32;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var i = Array.IndexOf(args, "--jobs");
        var jobs = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 10_000;
        var native = Path.Combine(Repository.Root, "dist", "hostops-agent-linux-x64");
        if (!File.Exists(native))
        {
            await Console.Error.WriteLineAsync($"no {native}: run ./hostops package first");
            return 2;
        }

        var cli = Path.Combine(Repository.Root, ".build", "cli", "hostops");
        await RunAsync(Path.Combine(Repository.Root, "hostops"), new Dictionary<string, string>(), "--version"); // builds .build/cli when sources changed
        var work = Directory.CreateTempSubdirectory("hostops-footprint-").FullName;
        try
        {
            var apiPort = NatsServerProcess.FreeTcpPort();
            var natsPort = NatsServerProcess.FreeTcpPort();
            var control = new Dictionary<string, string>
            {
                ["HOSTOPS_DATA_DIR"] = Path.Combine(work, "control"),
                ["HOSTOPS_API__SERVER__PORT"] = apiPort.ToString(CultureInfo.InvariantCulture),
                ["HOSTOPS_NATS__SERVER__PORT"] = natsPort.ToString(CultureInfo.InvariantCulture),
                ["HOSTOPS_NATS__URL"] = $"nats://127.0.0.1:{natsPort}",
                ["HOSTOPS_API__CLIENT__URL"] = $"http://127.0.0.1:{apiPort}",
                ["HOSTOPS_JOB__WORKER__HOSTNAME"] = "control",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            using var plane = Start(cli, control, "start");
            await WaitForAsync(plane, "HostOps is running");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}/") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await RunAsync(cli, control, "token", "generate", "--role", "admin")).Trim());

            var nativeFigures = await MeasureAsync("native", native, [], cli, control, http, work, jobs);
            var jitFigures = await MeasureAsync("jit", cli, ["agent"], cli, control, http, work, jobs);
            Print(jobs, nativeFigures, jitFigures, new FileInfo(native).Length, DirectorySize(Path.GetDirectoryName(cli)!));
            plane.Kill(entireProcessTree: true);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed record Figures(double StartMs, long IdleKib, long AfterJobsKib, double JobsPerSecond);

    private static async Task<Figures> MeasureAsync(
        string name, string executable, string[] prefix, string cli, Dictionary<string, string> control, HttpClient http, string work, int jobs)
    {
        var hostname = $"bench-{name}";
        var environment = new Dictionary<string, string>
        {
            ["HOSTOPS_DATA_DIR"] = Path.Combine(work, name),
            ["HOSTOPS_JOB__WORKER__HOSTNAME"] = hostname,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var token = (await RunAsync(cli, control, "token", "generate", "--join")).Trim();
        using (var joining = Start(executable, environment, [.. prefix, "start", "--join", token]))
        {
            await WaitForAsync(joining, "Agent is running");
            await StopAsync(joining);
        }

        var starts = new List<double>();
        for (var run = 0; run < Starts; run++)
        {
            var spawned = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            using var agent = Start(executable, environment, [.. prefix, "start"]);
            await UntilHeartbeatAsync(http, hostname, spawned);
            starts.Add(clock.Elapsed.TotalMilliseconds);
            if (run < Starts - 1)
            {
                await StopAsync(agent);
                continue;
            }

            await Task.Delay(Settle);
            var idle = ProcessMemory.ResidentKib(agent.Id);
            var ran = Stopwatch.StartNew();
            await RunJobsAsync(http, hostname, jobs);
            var rate = jobs / ran.Elapsed.TotalSeconds;
            await Task.Delay(Settle);
            var after = ProcessMemory.ResidentKib(agent.Id);
            await StopAsync(agent);
            return new Figures(starts.Order().ElementAt(starts.Count / 2), idle, after, rate);
        }

        throw new InvalidOperationException("unreachable");
    }

    // GET /system/hostname?target_hostname=… waits for the job's answer: Concurrency of them at a time.
    private static async Task RunJobsAsync(HttpClient http, string hostname, int jobs)
    {
        var next = 0;
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= jobs)
            {
                using var response = await http.GetAsync($"system/hostname?target_hostname={hostname}");
                response.EnsureSuccessStatusCode();
            }
        });
        await Task.WhenAll(workers);
    }

    private static async Task UntilHeartbeatAsync(HttpClient http, string hostname, DateTimeOffset after)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            var agent = await http.GetFromJsonAsync($"agent/{hostname}", HostOpsJsonContext.Default.AgentInfo);
            if (agent?.LastSeen >= after)
            {
                return;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"{hostname} sent no heartbeat within 60 s");
    }

    private static void Print(int jobs, Figures native, Figures jit, long nativeBytes, long jitBytes)
    {
        static string MiB(double kib) => (kib / 1024).ToString("0.0", CultureInfo.InvariantCulture);
        static string Ratio(double a, double b) => (a / b).ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine("| Agent footprint | native AOT | JIT (`hostops agent start`) | native / JIT |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| On disk (MiB; JIT: the CLI's publish folder, plus the shared .NET runtime it needs) | {MiB(nativeBytes / 1024.0)} | {MiB(jitBytes / 1024.0)} | {Ratio(nativeBytes, jitBytes)} |");
        Console.WriteLine($"| Start to first heartbeat (ms, median of {Starts}) | {native.StartMs:0} | {jit.StartMs:0} | {Ratio(native.StartMs, jit.StartMs)} |");
        Console.WriteLine($"| Resident memory idle (MiB) | {MiB(native.IdleKib)} | {MiB(jit.IdleKib)} | {Ratio(native.IdleKib, jit.IdleKib)} |");
        Console.WriteLine($"| Resident memory after {jobs:N0} jobs (MiB) | {MiB(native.AfterJobsKib)} | {MiB(jit.AfterJobsKib)} | {Ratio(native.AfterJobsKib, jit.AfterJobsKib)} |");
        Console.WriteLine($"| Jobs/s through the API, {Concurrency} waiting callers | {native.JobsPerSecond:0} | {jit.JobsPerSecond:0} | {Ratio(native.JobsPerSecond, jit.JobsPerSecond)} |");
    }

    private static Process Start(string executable, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info)!;
    }

    private static async Task<string> RunAsync(string executable, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(executable, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{executable} {string.Join(' ', args)} failed ({process.ExitCode})");
    }

    private static async Task WaitForAsync(Process process, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(); // keep draining, so the process never blocks on a full pipe
                _ = process.StandardError.ReadToEndAsync();
                return;
            }
        }

        throw new InvalidOperationException($"{process.StartInfo.FileName} ended before printing '{text}': {await process.StandardError.ReadToEndAsync()}");
    }

    private static async Task StopAsync(Process process)
    {
        using var kill = Process.Start("kill", ["-s", "INT", process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        await process.WaitForExitAsync();
    }


    private static long DirectorySize(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);
}
