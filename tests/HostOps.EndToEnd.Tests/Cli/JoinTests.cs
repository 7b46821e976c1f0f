using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Json;
using HostOps.Nats.Auth;
using HostOps.Testing;
using HostOps.Testing.Nats;
using NATS.Client.Core;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Cli;

/// <summary>
/// Agents on "other hosts" (their own data directories, no access to the control plane's files) join as a user
/// would: a join token from <c>hostops token generate --join</c>, or pending until an admin accepts them.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class JoinTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private readonly string _workDir = Directory.CreateTempSubdirectory("hostops-join-").FullName;
    private readonly int _apiPort = NatsServerProcess.FreeTcpPort();
    private readonly int _natsPort = NatsServerProcess.FreeTcpPort();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ApiUrl => $"http://127.0.0.1:{_apiPort}";

    [Fact]
    public async Task An_agent_joins_with_a_token_once_runs_jobs_and_when_removed_is_disconnected_within_2_s_its_jobs_go_to_others_and_it_exits()
    {
        await using var control = HostOpsProcess.Start(_workDir, ControlPlane(), "start");
        await control.WaitForOutputAsync("HostOps is running", Ready);
        var joinToken = await RunOkAsync(ControlPlane(), "token", "generate", "--join", "--ttl", "10m", "--label", "group=web");
        JoinToken.TryDecode(joinToken).ShouldNotBeNull().Nats.ShouldBe([$"nats://127.0.0.1:{_natsPort}"]);
        using var http = await AdminClientAsync();

        await using var joiner = HostOpsProcess.Start(_workDir, OtherHost("joiner"), "agent", "start", "--join", joinToken);
        await joiner.WaitForOutputAsync("Agent is running", Ready);
        File.GetUnixFileMode(Path.Combine(_workDir, "joiner", "identity", "agent.nk")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var hostname = await http.GetFromJsonAsync("system/hostname?target_hostname=joiner", HostOpsJsonContext.Default.NodeResultsHostnameResult, Ct);
        hostname!.Results.ShouldHaveSingleItem().Hostname.ShouldBe("joiner");
        var byLabel = await http.GetFromJsonAsync("system/hostname?target_hostname=group:web", HostOpsJsonContext.Default.NodeResultsHostnameResult, Ct);
        byLabel!.Results.Select(r => r.Hostname).ShouldBe(["joiner"]);

        var (reusedCode, reused) = await HostOpsProcess.RunAsync(_workDir, OtherHost("copycat"), "agent", "start", "--join", joinToken);
        reusedCode.ShouldBe(2, reused);
        reused.ShouldContain("already been used");

        var seed = NkeySeedFile.Load(Path.Combine(_workDir, "joiner", "identity", "agent.nk"));
        await using (var asJoiner = await ConnectAsync(seed))
        {
            (await http.DeleteAsync("agent/joiner", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            await Eventually.TrueAsync(() => Task.FromResult(asJoiner.ConnectionState != NatsConnectionState.Open), TimeSpan.FromSeconds(2), "the removed agent's connection closed");
        }

        await Should.ThrowAsync<NatsException>(async () => await ConnectAsync(seed));

        // Its jobs go to the others at once: it no longer heartbeats, and nothing waits for it.
        (await http.GetFromJsonAsync("job/workers", HostOpsJsonContext.Default.WorkerList, Ct))!.Workers.Select(w => w.Hostname).ShouldNotContain("joiner");
        for (var i = 0; i < 3; i++)
        {
            var answered = await http.GetFromJsonAsync("system/hostname?target_hostname=_any", HostOpsJsonContext.Default.NodeResultsHostnameResult, Ct);
            answered!.Results.ShouldHaveSingleItem().Hostname.ShouldNotBe("joiner");
        }

        // The removed agent does not retry its refused identity forever: it stops, saying why, with a non-zero exit.
        (await joiner.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(1, joiner.Output);
        joiner.Output.ShouldContain("hostops: NATS no longer admits the identity of agent joiner");
    }

    [Fact]
    public async Task An_agent_without_a_token_waits_pending_until_an_admin_accepts_it()
    {
        await using var control = HostOpsProcess.Start(_workDir, ControlPlane(), "start");
        await control.WaitForOutputAsync("HostOps is running", Ready);
        using var http = await AdminClientAsync();

        await using var waiting = HostOpsProcess.Start(_workDir, OtherHost("newcomer", ("HOSTOPS_API__CLIENT__URL", ApiUrl)), "agent", "start");
        await waiting.WaitForOutputAsync("is pending", Ready);
        var pending = await http.GetFromJsonAsync("agent/pending", HostOpsJsonContext.Default.AgentList, Ct);
        pending!.Agents.ShouldHaveSingleItem().Hostname.ShouldBe("newcomer");
        var seed = NkeySeedFile.Load(Path.Combine(_workDir, "newcomer", "identity", "agent.nk"));
        await Should.ThrowAsync<NatsException>(async () => await ConnectAsync(seed));
        waiting.Output.ShouldNotContain("Agent is running");

        (await http.PostAsync("agent/newcomer/accept", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await waiting.WaitForOutputAsync("Agent is running", Ready);
        var agent = await http.GetFromJsonAsync("agent/newcomer", HostOpsJsonContext.Default.AgentInfo, Ct);
        agent!.State.ShouldBe(AgentStates.Accepted);
        var hostname = await http.GetFromJsonAsync("system/hostname?target_hostname=newcomer", HostOpsJsonContext.Default.NodeResultsHostnameResult, Ct);
        hostname!.Results.ShouldHaveSingleItem().Hostname.ShouldBe("newcomer");
    }

    [Fact]
    public async Task Nats_refuses_a_client_without_credentials()
    {
        await using var control = HostOpsProcess.Start(_workDir, ControlPlane(), "start");
        await control.WaitForOutputAsync("HostOps is running", Ready);

        var refused = await Should.ThrowAsync<NatsException>(async () => await ConnectAsync(null));
        refused.ToString().ShouldContain("Authorization Violation");
        File.GetUnixFileMode(Path.Combine(_workDir, "data", "nats-server.conf")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Dispose()
    {
        NatsServerProcesses.KillUsing(_workDir);
        Directory.Delete(_workDir, recursive: true);
    }

    private Task<NatsConnection> ConnectAsync(NkeySeedFile? identity) => NatsIdentityClient.ConnectAsync($"nats://127.0.0.1:{_natsPort}", identity);

    private async Task<HttpClient> AdminClientAsync()
    {
        var token = await RunOkAsync(ControlPlane(), "token", "generate", "--role", "admin", "--ttl", "10m");
        var http = new HttpClient { BaseAddress = new Uri(ApiUrl + "/"), Timeout = TimeSpan.FromSeconds(40) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private async Task<string> RunOkAsync(Dictionary<string, string> environment, params string[] args)
    {
        var (code, output) = await HostOpsProcess.RunAsync(_workDir, environment, args);
        code.ShouldBe(0, output);
        return output.Trim();
    }

    private Dictionary<string, string> ControlPlane() => new()
    {
        ["HOSTOPS_DATA_DIR"] = Path.Combine(_workDir, "data"),
        ["HOSTOPS_NATS__SERVER__PORT"] = _natsPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_API__SERVER__PORT"] = _apiPort.ToString(CultureInfo.InvariantCulture),
    };

    // Another host: its own data directory and hostname, and nothing of the control plane's configuration.
    private Dictionary<string, string> OtherHost(string hostname, params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["HOSTOPS_DATA_DIR"] = Path.Combine(_workDir, hostname),
            ["HOSTOPS_JOB__WORKER__HOSTNAME"] = hostname,
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }
}
