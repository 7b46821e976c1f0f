using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using HostOps.Api;
using HostOps.Client;
using HostOps.Contracts.Operations.Files;
using HostOps.Contracts.Security;
using HostOps.Providers;
using HostOps.Testing.Agents;
using HostOps.Testing.Fixtures;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Bench;

/// <summary>
/// A file deployed through the file store: the API (Kestrel on loopback) and three in-process agents, each writing
/// under a temporary root of its own. Each round uploads a random file (<c>POST /file</c>), deploys it to all three
/// (<c>POST /file/{name}/deploy</c>, a new path each round so every host writes) and copies the same file once with
/// <c>cp</c> between two local directories. Reports the medians and the ratio deploy ÷ cp.
/// </summary>
internal static class FileDeployBench
{
    public const string Mode = "file-deploy";
    private const int Agents = 3;

    public static async Task<List<(string Figure, string Value)>> RunAsync(IConfiguration jobConfiguration, int sizeMiB, int rounds)
    {
        var port = NatsServerProcess.FreeTcpPort();
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(jobConfiguration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["api:server:port"] = port.ToString(CultureInfo.InvariantCulture),
                ["api:server:security:signing_key"] = signingKey,
                ["api:server:job_timeout"] = "2m",
                ["api:audit:enabled"] = "false", // measured on its own by api-overhead
                ["Logging:LogLevel:Default"] = "Warning",
            })
            .Build();
        await BenchJobConfiguration.EnsureResourcesAsync(configuration);

        await using var app = ApiServer.Build(ApiServer.CreateBuilder(configuration));
        await app.StartAsync();
        var machines = Enumerable.Range(0, Agents).Select(_ => new TempMachine().CreateDirectory("/srv/bench")).ToList();
        var agents = new List<TestAgent>();
        using var local = new TempMachine();
        try
        {
            for (var i = 0; i < Agents; i++)
            {
                var root = machines[i].Root;
                agents.Add(await TestAgent.StartAsync(configuration, $"bench-deploy-{i}", configureServices: s => s
                    .AddSingleton(root)
                    .AddSingleton(new HostChangeGuard(() => true))));
            }

            var token = new JwtIssuer(signingKey).Issue(new TokenRequest("bench", [Scopes.Write], [], TimeSpan.FromHours(1)));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };
            using var client = new HostOpsApiClient(http, token);
            while ((await client.GetWorkersAsync()).Workers.Count < Agents)
            {
                await Task.Delay(50);
            }

            return await MeasureAsync(client, local, sizeMiB, rounds);
        }
        finally
        {
            foreach (var agent in agents)
            {
                await agent.DisposeAsync();
            }

            machines.ForEach(m => m.Dispose());
        }
    }

    private static async Task<List<(string Figure, string Value)>> MeasureAsync(HostOpsApiClient client, TempMachine local, int sizeMiB, int rounds)
    {
        var source = local.PathOf("/source/file.bin");
        local.CreateDirectory("/source").CreateDirectory("/copies");
        var (upload, deploy, copy) = (new List<double>(), new List<double>(), new List<double>());
        for (var round = 0; round <= rounds; round++)
        {
            var content = RandomNumberGenerator.GetBytes(sizeMiB * 1024 * 1024);
            await File.WriteAllBytesAsync(source, content);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
            var name = $"bench-{round}.bin";

            var clock = Stopwatch.StartNew();
            await using (var file = File.OpenRead(source))
            {
                await client.UploadFileAsync(name, file);
            }

            var uploaded = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var results = await client.RunAsync(FileOperations.Deploy, new FileDeployRequest { Name = name, Path = $"/srv/bench/{name}", Mode = "0644" }, "_all");
            var deployed = clock.Elapsed.TotalMilliseconds;
            if (results.Results.Count != Agents || results.Results.Any(r => r.Status != "ok" || r.Sha256 != sha256 || r.Changed != true))
            {
                throw new InvalidOperationException($"round {round}: not every agent wrote the file: {string.Join("; ", results.Results.Select(r => $"{r.Hostname} {r.Status} {r.Error}"))}");
            }

            clock.Restart();
            await CopyAsync(source, local.PathOf($"/copies/{name}"));
            var copied = clock.Elapsed.TotalMilliseconds;
            await client.DeleteFileAsync(name);
            if (round == 0)
            {
                continue; // warm-up
            }

            (upload, deploy, copy) = ([.. upload, uploaded], [.. deploy, deployed], [.. copy, copied]);
            Console.WriteLine($"round {round}: upload {uploaded:0.0} ms, deploy to {Agents} {deployed:0.0} ms, cp {copied:0.0} ms");
        }

        var (u, d, c) = (Median(upload), Median(deploy), Median(copy));
        return
        [
            ($"upload {sizeMiB} MiB (POST /file, ms, median of {rounds})", u.ToString("0.0", CultureInfo.InvariantCulture)),
            ($"deploy {sizeMiB} MiB to {Agents} agents (ms)", d.ToString("0.0", CultureInfo.InvariantCulture)),
            ($"deploy throughput, bytes written on all hosts (MiB/s)", (Agents * sizeMiB / (d / 1000)).ToString("0", CultureInfo.InvariantCulture)),
            ($"cp {sizeMiB} MiB between two local directories (ms)", c.ToString("0.0", CultureInfo.InvariantCulture)),
            ("ratio deploy to 3 agents / one cp", (d / c).ToString("0.0", CultureInfo.InvariantCulture)),
            ("ratio upload + deploy / one cp", ((u + d) / c).ToString("0.0", CultureInfo.InvariantCulture)),
        ];
    }

    private static async Task CopyAsync(string from, string to)
    {
        using var cp = Process.Start(new ProcessStartInfo("cp", [from, to]) { UseShellExecute = false })!;
        await cp.WaitForExitAsync();
        if (cp.ExitCode != 0)
        {
            throw new InvalidOperationException($"cp exited with {cp.ExitCode}");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
