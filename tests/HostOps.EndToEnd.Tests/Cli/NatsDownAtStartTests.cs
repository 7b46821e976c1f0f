using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using HostOps.Testing.Nats;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Cli;

/// <summary>
/// <c>api server start</c> and <c>agent start</c> while NATS is down, then a bare nats-server (nothing of ours
/// provisions it): the API and agent connect by themselves, create the streams and buckets, and health turns ok.
/// </summary>
public sealed class NatsDownAtStartTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(60);
    private readonly string _workDir = Directory.CreateTempSubdirectory("hostops-natsdown-").FullName;
    private readonly int _apiPort = NatsServerProcess.FreeTcpPort();
    private readonly int _natsPort = NatsServerProcess.FreeTcpPort();

    [Fact]
    public async Task Api_and_agent_started_before_nats_create_the_streams_and_buckets_and_report_ok_once_it_answers()
    {
        var environment = Environment();
        await using var api = HostOpsProcess.Start(_workDir, environment, "api", "server", "start");
        await api.WaitForOutputAsync("API server is listening", Ready);
        await using var agent = HostOpsProcess.Start(_workDir, environment, "agent", "start");
        await agent.WaitForOutputAsync("waiting for NATS", Ready); // it enrolls (locally, as the API's data directory is its own) once NATS answers
        api.Output.ShouldContain("does not answer yet");
        var (tokenCode, token) = await HostOpsProcess.RunAsync(_workDir, environment, "token", "generate", "--role", "read");
        tokenCode.ShouldBe(0, token);

        await using var nats = await NatsServerProcess.StartAsync(Path.Combine(_workDir, "bare-nats"), _natsPort, TestContext.Current.CancellationToken);

        await agent.WaitForOutputAsync("Agent is running", Ready);
        await WaitForHealthOkAsync(token.Trim(), api);
        await using var connection = nats.Connect();
        var js = new NatsJSContext(connection);
        foreach (var stream in new[] { "JOBS", "JOBS-DLQ" })
        {
            (await js.GetStreamAsync(stream, cancellationToken: TestContext.Current.CancellationToken)).Info.Config.Name.ShouldBe(stream);
        }

        var kv = new NatsKVContext(js);
        foreach (var bucket in new[] { "job-queue", "agent-registry" })
        {
            (await kv.GetStoreAsync(bucket, TestContext.Current.CancellationToken)).Bucket.ShouldBe(bucket);
        }

        foreach (var process in new[] { agent, api })
        {
            await process.InterruptAsync(TestContext.Current.CancellationToken);
            (await process.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, process.Output);
        }
    }

    public void Dispose()
    {
        NatsServerProcesses.KillUsing(_workDir);

        Directory.Delete(_workDir, recursive: true);
    }

    private async Task WaitForHealthOkAsync(string token, HostOpsProcess api)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var deadline = DateTime.UtcNow + HealthyWithin;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_apiPort}/health/status"), TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            }
            catch (TaskCanceledException e) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // A slow answer on a loaded machine: ask again.
                last = e.Message;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"/health/status did not turn 200 within {HealthyWithin}; last: {last}\n{api.Output}");
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["HOSTOPS_DATA_DIR"] = Path.Combine(_workDir, "data"),
        ["HOSTOPS_NATS__URL"] = $"nats://127.0.0.1:{_natsPort}",
        ["HOSTOPS_API__SERVER__PORT"] = _apiPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_API__CLIENT__URL"] = $"http://127.0.0.1:{_apiPort}",
        ["HOSTOPS_API__SERVER__SECURITY__SIGNING_KEY"] = "nats-down-at-start-test-key-0123456789abcdef",
        ["HOSTOPS_JOB__REGISTRY__HEARTBEAT_INTERVAL"] = "1s",
    };
}
