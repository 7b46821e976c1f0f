using System.Globalization;
using HostOps.Testing.Nats;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Cli;

/// <summary>
/// The three parts as separate processes (<c>nats server start</c>, <c>api server start</c>, <c>agent start</c>),
/// a token from <c>token generate</c>, and a job run through <c>client job run</c>.
/// </summary>
public sealed class SplitDeploymentTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private readonly string _workDir = Directory.CreateTempSubdirectory("hostops-split-").FullName;
    private readonly int _apiPort = NatsServerProcess.FreeTcpPort();
    private readonly int _natsPort = NatsServerProcess.FreeTcpPort();

    [Fact]
    public async Task Nats_api_and_agent_as_separate_processes_run_a_job_submitted_by_the_client()
    {
        var environment = Environment();
        await using var nats = HostOpsProcess.Start(_workDir, environment, "nats", "server", "start");
        await nats.WaitForOutputAsync("nats-server is running", Ready);
        await using var api = HostOpsProcess.Start(_workDir, environment, "api", "server", "start");
        await api.WaitForOutputAsync("API server is listening", Ready);
        await using var agent = HostOpsProcess.Start(_workDir, environment, "agent", "start");
        await agent.WaitForOutputAsync("Agent is running", Ready);

        var (tokenCode, token) = await HostOpsProcess.RunAsync(_workDir, environment, "token", "generate", "--role", "write");
        tokenCode.ShouldBe(0, token);
        await File.WriteAllTextAsync(Path.Combine(_workDir, "job.json"), """{"operation":{"type":"system.hostname.get"}}""", TestContext.Current.CancellationToken);
        var client = new Dictionary<string, string>(environment) { ["HOSTOPS_API__CLIENT__TOKEN"] = token.Trim() };
        var (runCode, run) = await HostOpsProcess.RunAsync(_workDir, client, "client", "job", "run", "-f", "job.json", "--timeout", "30s", "--json");

        runCode.ShouldBe(0, run);
        run.ShouldContain("\"status\":\"completed\"");
        run.ShouldContain($"\"hostname\":\"{System.Net.Dns.GetHostName()}\"");

        foreach (var process in new[] { agent, api, nats })
        {
            await process.InterruptAsync(TestContext.Current.CancellationToken);
            (await process.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, process.Output);
        }

        NatsServerProcesses.Using(_workDir).ShouldBeEmpty();
    }

    public void Dispose()
    {
        NatsServerProcesses.KillUsing(_workDir);

        Directory.Delete(_workDir, recursive: true);
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["HOSTOPS_DATA_DIR"] = Path.Combine(_workDir, "data"),
        ["HOSTOPS_NATS__SERVER__PORT"] = _natsPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_NATS__URL"] = $"nats://127.0.0.1:{_natsPort}",
        ["HOSTOPS_API__SERVER__PORT"] = _apiPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_API__CLIENT__URL"] = $"http://127.0.0.1:{_apiPort}",
        ["HOSTOPS_API__SERVER__SECURITY__SIGNING_KEY"] = "split-deployment-test-key-0123456789abcdef",
    };
}
