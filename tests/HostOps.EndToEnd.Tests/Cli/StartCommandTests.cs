using System.Diagnostics;
using System.Globalization;
using System.Net;
using HostOps.Testing.Nats;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Cli;

/// <summary><c>hostops start</c> as a user runs it: the built executable, a fresh directory, Ctrl-C to stop.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartCommandTests : IDisposable
{
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(60);
    private readonly string _workDir = Directory.CreateTempSubdirectory("hostops-e2e-").FullName;
    private readonly int _apiPort = NatsServerProcess.FreeTcpPort();
    private readonly int _natsPort = NatsServerProcess.FreeTcpPort();
    private readonly ITestOutputHelper _log;

    public StartCommandTests(ITestOutputHelper log) => _log = log;

    private string DataDir => Path.Combine(_workDir, "data");

    private string StoreDir => Path.Combine(DataDir, "nats");

    [Fact]
    public async Task Start_reaches_a_healthy_api_and_sigint_stops_it_leaving_no_nats_server()
    {
        await using var hostops = StartHostOps();
        await WaitUntilHealthyAsync(hostops);

        NatsServerProcesses.Using(StoreDir).ShouldHaveSingleItem();
        var configFile = Path.Combine(DataDir, "hostops.yaml");
        File.GetUnixFileMode(configFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var config = await File.ReadAllTextAsync(configFile, TestContext.Current.CancellationToken);
        config.ShouldContain("signing_key:");
        config.ShouldContain("token:");
        await hostops.WaitForOutputAsync("hostops client health status", TimeSpan.FromSeconds(10)); // the banner follows the agent's start

        // A second terminal in the same directory: URL and admin token come from the file start wrote.
        await using (var client = HostOpsProcess.Start(_workDir, Environment(), "client", "health", "status", "--json"))
        {
            (await client.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBeOneOf([0, 1], client.Output);
            client.Output.ShouldContain("\"components\"");
            client.Output.ShouldNotContain("Unauthorized");
        }

        await hostops.InterruptAsync(TestContext.Current.CancellationToken);

        (await hostops.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, hostops.Output);
        NatsServerProcesses.Using(StoreDir).ShouldBeEmpty();
    }

    [Fact]
    public async Task Under_systemd_start_tells_the_notify_socket_it_is_ready_once_the_api_answers()
    {
        using var notify = new NotifySocket(_workDir);
        await using var hostops = HostOpsProcess.Start(_workDir, new Dictionary<string, string>(Environment()) { ["NOTIFY_SOCKET"] = notify.Path }, "start");

        (await notify.ReceiveAsync(HealthyWithin, TestContext.Current.CancellationToken)).ShouldStartWith("READY=1\nSTATUS=API on port", customMessage: hostops.Output);
        using var http = new HttpClient();
        (await http.GetAsync(new Uri($"http://127.0.0.1:{_apiPort}/health"), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await hostops.InterruptAsync(TestContext.Current.CancellationToken);
        (await hostops.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, hostops.Output);
    }

    [Fact]
    public async Task A_second_start_reuses_the_data_directory_and_its_signing_key()
    {
        string firstKey;
        await using (var first = StartHostOps())
        {
            await WaitUntilHealthyAsync(first);
            firstKey = SigningKey();
            await first.InterruptAsync(TestContext.Current.CancellationToken);
            (await first.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, first.Output);
        }

        await using var second = StartHostOps();
        await WaitUntilHealthyAsync(second);

        SigningKey().ShouldBe(firstKey);
        second.Output.ShouldNotContain("first run");
        await second.InterruptAsync(TestContext.Current.CancellationToken);
        (await second.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, second.Output);
        NatsServerProcesses.Using(StoreDir).ShouldBeEmpty();
    }

    public void Dispose()
    {
        NatsServerProcesses.KillUsing(_workDir);

        Directory.Delete(_workDir, recursive: true);
    }

    private HostOpsProcess StartHostOps() => HostOpsProcess.Start(_workDir, Environment(), "start");

    private Dictionary<string, string> Environment() => new()
    {
        ["HOSTOPS_DATA_DIR"] = DataDir,
        ["HOSTOPS_NATS__SERVER__PORT"] = _natsPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_NATS__URL"] = $"nats://127.0.0.1:{_natsPort}",
        ["HOSTOPS_API__SERVER__PORT"] = _apiPort.ToString(CultureInfo.InvariantCulture),
    };

    private async Task WaitUntilHealthyAsync(HostOpsProcess hostops)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < HealthyWithin)
        {
            if (await hostops.WaitForExitAsync(TimeSpan.Zero) is { } code)
            {
                throw new InvalidOperationException($"hostops start exited with {code}:\n{hostops.Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_apiPort}/health"), TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    _log.WriteLine($"healthy after {clock.ElapsedMilliseconds} ms");
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // The 2 s request timeout on a loaded machine (a first request is JIT-compiled): ask again.
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"GET /health did not answer 200 within {HealthyWithin}:\n{hostops.Output}");
    }

    private string SigningKey() =>
        File.ReadAllLines(Path.Combine(DataDir, "hostops.yaml")).Single(l => l.Contains("signing_key:", StringComparison.Ordinal)).Trim();
}
