using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Nats.Auth;
using HostOps.Testing;
using HostOps.Testing.Nats;
using NATS.Client.JetStream;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Cli;

/// <summary>
/// Three managed nats-servers (each a <c>hostops nats server start</c> with its own data directory) form a cluster
/// with R3 streams and buckets: the second and third join with server join tokens; the API and two joined agents
/// connect to all three. One server is killed (SIGKILL) while 1,000 jobs are submitted: every accepted job completes,
/// health stays 200, and the restarted server catches up.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClusterTests : IDisposable
{
    private const int Jobs = 1_000;
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);
    private readonly string _workDir = Directory.CreateTempSubdirectory("hostops-cluster-").FullName;
    private readonly int _apiPort = NatsServerProcess.FreeTcpPort();
    private readonly int[] _clientPorts = [NatsServerProcess.FreeTcpPort(), NatsServerProcess.FreeTcpPort(), NatsServerProcess.FreeTcpPort()];
    private readonly int[] _routePorts = [NatsServerProcess.FreeTcpPort(), NatsServerProcess.FreeTcpPort(), NatsServerProcess.FreeTcpPort()];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string NatsUrls => string.Join(",", _clientPorts.Select(p => $"nats://127.0.0.1:{p}"));

    [Fact]
    public async Task Three_servers_keep_every_accepted_job_through_the_loss_of_one()
    {
        await using var first = HostOpsProcess.Start(_workDir, Server(0), "nats", "server", "start");
        await first.WaitForOutputAsync("waiting for the servers of cluster", Ready);
        await using var api = HostOpsProcess.Start(_workDir, ControlPlane(), "api", "server", "start");
        await api.WaitForOutputAsync("API server is listening", Ready);

        var secondToken = await RunOkAsync(ControlPlane(), "token", "generate", "--server", "--ttl", "10m");
        await using var second = HostOpsProcess.Start(_workDir, Server(1), "nats", "server", "start", "--join", secondToken);
        await second.WaitForOutputAsync("joined cluster hostops-e2e", Ready);
        var (reusedCode, reused) = await HostOpsProcess.RunAsync(_workDir, Server(2, "copycat"), "nats", "server", "start", "--join", secondToken);
        reusedCode.ShouldBe(2, reused);
        reused.ShouldContain("already been used");

        // R3 streams are made once three servers are up.
        var third = HostOpsProcess.Start(_workDir, Server(2), "nats", "server", "start", "--join", await RunOkAsync(ControlPlane(), "token", "generate", "--server"));
        foreach (var server in new[] { first, second, third })
        {
            await server.WaitForOutputAsync("nats-server is running", Ready);
        }

        var seedOf = (int i) => File.ReadAllText(Path.Combine(DataDir(i), "identity", "api.nk")).Trim();
        seedOf(1).ShouldBe(seedOf(0));
        seedOf(2).ShouldBe(seedOf(0));

        await using var agentA = await JoinAgentAsync("cluster-a");
        await using var agentB = await JoinAgentAsync("cluster-b");
        using var http = await AdminClientAsync();
        await ClusterShowsAsync(http, down: null, "health 200 showing the three servers up");
        await ReplicasAsync(3, current: 3);

        var accepted = new ConcurrentBag<Guid>();
        var refused = 0;
        var killed = false;
        await Parallel.ForEachAsync(Enumerable.Range(0, Jobs), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (i, ct) =>
        {
            if (i == Jobs / 3 && !killed)
            {
                killed = true;
                Crash(third);
            }

            var request = new SubmitJobRequest(new JobOperation("system.hostname.get"), "_any");
            using var response = await http.PostAsJsonAsync("job", request, HostOpsJsonContext.Default.SubmitJobRequest, ct);
            if (response.IsSuccessStatusCode)
            {
                accepted.Add((await response.Content.ReadFromJsonAsync(HostOpsJsonContext.Default.SubmitJobResponse, ct))!.JobId);
            }
            else
            {
                Interlocked.Increment(ref refused);
            }
        });

        // While the lost server's streams elect new leaders (seconds), submissions are refused (503), never lost.
        accepted.Count.ShouldBeGreaterThan(Jobs / 2, $"{refused} submissions refused");
        await ClusterShowsAsync(http, down: "n3", "health 200 showing n3 down");
        foreach (var id in accepted)
        {
            await Eventually.TrueAsync(
                async () => (await http.GetFromJsonAsync($"job/{id}", HostOpsJsonContext.Default.JobDetail, Ct))!.Status == JobStatus.Completed,
                TimeSpan.FromSeconds(60),
                $"job {id} completed");
        }

        await using var restarted = HostOpsProcess.Start(_workDir, Server(2), "nats", "server", "start");
        await restarted.WaitForOutputAsync("nats-server is running", Ready);
        await ReplicasAsync(3, current: 3);
        await ClusterShowsAsync(http, down: null, "health 200 showing every server up again");
    }

    // /health/status is 200 and lists the three servers, only `down` (if any) not up. A stream that just lost its
    // leader answers nothing until the next election, seconds later: meanwhile health is 503, so this waits it out.
    private static async Task ClusterShowsAsync(HttpClient http, string? down, string what)
    {
        var last = "";
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    using var response = await http.GetAsync("health/status", Ct);
                    last = await response.Content.ReadAsStringAsync(Ct);
                    var status = System.Text.Json.JsonSerializer.Deserialize(last, HostOpsJsonContext.Default.HealthStatus);
                    var servers = status?.Nats?.Cluster?.Servers ?? [];
                    return response.StatusCode == HttpStatusCode.OK && servers.Count == 3 && servers.All(s => s.Up == (s.Name != down));
                },
                Ready,
                what);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ShouldAssertException($"{what}: the last /health/status was {last}", e);
        }
    }

    public void Dispose()
    {
        NatsServerProcesses.KillUsing(_workDir);
        Directory.Delete(_workDir, recursive: true);
    }

    // SIGKILL for the server and for the hostops that supervises it, so nothing restarts it or shuts it down cleanly.
    private void Crash(HostOpsProcess server)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(DataDir(2), "nats-server.pid")).Trim(), CultureInfo.InvariantCulture);
        server.KillAlone();
        System.Diagnostics.Process.GetProcessById(pid).Kill();
    }

    // Every stream and bucket has a leader and `current` replicas that are up to date (the leader counts as one).
    private async Task ReplicasAsync(int replicas, int current)
    {
        var seed = NkeySeedFile.Load(Path.Combine(DataDir(0), "identity", "api.nk"));
        await using var nats = await NatsIdentityClient.ConnectAsync(NatsUrls, seed);
        var js = new NatsJSContext(nats);
        await Eventually.TrueAsync(
            async () =>
            {
                await foreach (var stream in js.ListStreamsAsync(cancellationToken: Ct))
                {
                    var cluster = stream.Info.Cluster;
                    if (stream.Info.Config.NumReplicas != replicas || cluster?.Leader is not { Length: > 0 }
                        || 1 + (cluster.Replicas?.Count(r => r.Current) ?? 0) < current)
                    {
                        return false;
                    }
                }

                return true;
            },
            Ready,
            $"every stream at R{replicas} with {current} current copies");
    }

    private async Task<HostOpsProcess> JoinAgentAsync(string hostname)
    {
        var token = await RunOkAsync(ControlPlane(), "token", "generate", "--join");
        var agent = HostOpsProcess.Start(_workDir, new Dictionary<string, string>
        {
            ["HOSTOPS_DATA_DIR"] = Path.Combine(_workDir, hostname),
            ["HOSTOPS_JOB__WORKER__HOSTNAME"] = hostname,
        }, "agent", "start", "--join", token);
        await agent.WaitForOutputAsync("Agent is running", Ready);
        return agent;
    }

    private async Task<HttpClient> AdminClientAsync()
    {
        var token = await RunOkAsync(ControlPlane(), "token", "generate", "--role", "admin", "--ttl", "10m");
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_apiPort}/"), Timeout = TimeSpan.FromSeconds(40) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private async Task<string> RunOkAsync(Dictionary<string, string> environment, params string[] args)
    {
        var (code, output) = await HostOpsProcess.RunAsync(_workDir, environment, args);
        code.ShouldBe(0, output);
        return output.Trim();
    }

    private string DataDir(int server) => Path.Combine(_workDir, $"n{server + 1}");

    // The first server's host: its own server, and the API beside it (which hands the cluster's material to joiners).
    private Dictionary<string, string> ControlPlane() => new(Server(0))
    {
        ["HOSTOPS_NATS__URL"] = NatsUrls,
        ["HOSTOPS_API__SERVER__PORT"] = _apiPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_API__SERVER__SECURITY__SIGNING_KEY"] = "cluster-test-signing-key-0123456789abcdef",
    };

    // Only the first server is told the cluster's name and routes; the others take them with the join token.
    private Dictionary<string, string> Server(int index, string? dataDir = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["HOSTOPS_DATA_DIR"] = dataDir is null ? DataDir(index) : Path.Combine(_workDir, dataDir),
            ["HOSTOPS_NATS__SERVER__NAME"] = $"n{index + 1}",
            ["HOSTOPS_NATS__SERVER__PORT"] = _clientPorts[index].ToString(CultureInfo.InvariantCulture),
            ["HOSTOPS_NATS__SERVER__CLUSTER__PORT"] = _routePorts[index].ToString(CultureInfo.InvariantCulture),
            ["HOSTOPS_JOB__STREAM__REPLICAS"] = "3",
            ["HOSTOPS_JOB__KV__REPLICAS"] = "3",
            ["HOSTOPS_JOB__DLQ__REPLICAS"] = "3",
            ["HOSTOPS_JOB__REGISTRY__REPLICAS"] = "3",
        };
        if (index == 0)
        {
            environment["HOSTOPS_NATS__SERVER__CLUSTER__NAME"] = "hostops-e2e";
            environment["HOSTOPS_NATS__SERVER__CLUSTER__ROUTES__0"] = $"127.0.0.1:{_routePorts[1]}";
            environment["HOSTOPS_NATS__SERVER__CLUSTER__ROUTES__1"] = $"127.0.0.1:{_routePorts[2]}";
        }

        return environment;
    }
}
