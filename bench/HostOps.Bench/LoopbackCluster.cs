using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using HostOps.Nats.Server;
using HostOps.Testing.Network;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace HostOps.Bench;

/// <summary>
/// A NATS cluster of <c>nats-server</c> processes on loopback ports, each with its own JetStream store and routes to
/// all the others, plain and anonymous like the bench's single server. Ready once an R3 stream can be created, that
/// is once the JetStream meta group has a leader. Each server runs from a small configuration file of the bench's
/// own (<c>server_name</c>, <c>listen</c>, <c>jetstream</c>, <c>cluster</c>): the managed server does not render a
/// <c>cluster</c> block yet; when it does, the nodes should become <see cref="ManagedNatsServer"/>s.
/// </summary>
internal sealed class LoopbackCluster : IAsyncDisposable
{
    private const string Name = "hostops-bench";
    private readonly string _dataDir;
    private readonly List<Process> _servers;
    private volatile bool _disposing;

    private LoopbackCluster(string dataDir, List<Process> servers, IReadOnlyList<int> clientPorts)
    {
        _dataDir = dataDir;
        _servers = servers;
        Urls = string.Join(",", clientPorts.Select(p => $"nats://127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}"));
    }

    /// <summary>The pids of the cluster's servers.</summary>
    public IReadOnlyList<int> ProcessIds => [.. _servers.Select(s => s.Id)];

    /// <summary>Every server's client URL, comma-separated, as <c>nats.url</c> takes them.</summary>
    public string Urls { get; }

    public static async Task<LoopbackCluster> StartAsync(int size)
    {
        var dataDir = Directory.CreateTempSubdirectory("hostops-bench-cluster-").FullName;
        var clientPorts = Enumerable.Range(0, size).Select(_ => FreePorts.Next()).ToList();
        var routePorts = Enumerable.Range(0, size).Select(_ => FreePorts.Next()).ToList();
        var binary = NatsServerBinary.Find("nats-server");
        var servers = new List<Process>();
        var cluster = new LoopbackCluster(dataDir, servers, clientPorts);
        try
        {
            for (var i = 0; i < size; i++)
            {
                var config = Path.Combine(dataDir, $"n{i + 1}.conf");
                var routes = routePorts.Where((_, j) => j != i).Select(p => $"\"nats-route://127.0.0.1:{p}\"");
                await File.WriteAllTextAsync(config, $$"""
                    server_name: "n{{i + 1}}"
                    listen: "127.0.0.1:{{clientPorts[i]}}"
                    jetstream { store_dir: "{{Path.Combine(dataDir, $"n{i + 1}")}}" }
                    cluster { name: "{{Name}}", listen: "127.0.0.1:{{routePorts[i]}}", routes: [{{string.Join(", ", routes)}}] }
                    """);
                servers.Add(cluster.StartServer(binary, config, $"n{i + 1}"));
            }

            await cluster.WaitUntilReplicatedStreamsAsync(size, TimeSpan.FromSeconds(60));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one server; should it exit before the cluster is disposed, says so at once with its last log lines.</summary>
    private Process StartServer(string binary, string config, string name)
    {
        var info = new ProcessStartInfo(binary, ["-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{binary} did not start");
        var log = new ConcurrentQueue<string>();
        void Keep(string? line)
        {
            if (line is not null)
            {
                log.Enqueue(line);
                while (log.Count > 20 && log.TryDequeue(out _))
                {
                }
            }
        }

        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            if (!_disposing)
            {
                Console.Error.WriteLine($"cluster nats-server {name} (pid {process.Id}) exited with code {process.ExitCode}; its last lines:\n  {string.Join("\n  ", log)}");
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private async Task WaitUntilReplicatedStreamsAsync(int replicas, TimeSpan timeout)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = Urls, Name = "hostops-bench-ready" });
        var js = new NatsJSContext(connection);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_servers.FirstOrDefault(s => s.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"a cluster nats-server exited with code {exited.ExitCode}");
            }

            try
            {
                await js.CreateStreamAsync(new StreamConfig("BENCH_READY", ["bench.ready"]) { NumReplicas = replicas, Storage = StreamConfigStorage.File });
                await js.DeleteStreamAsync("BENCH_READY");
                return;
            }
            catch (Exception e) when (e is NatsException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        foreach (var server in _servers)
        {
            if (!server.HasExited)
            {
                server.Kill();
                await server.WaitForExitAsync();
            }

            server.Dispose();
        }

        Directory.Delete(_dataDir, recursive: true);
    }
}
