using System.Net.Http.Headers;
using System.Net.Http.Json;
using HostOps.Contracts.Json;
using HostOps.EndToEnd.Tests.Tls;
using HostOps.Nats.Auth;
using HostOps.Testing.Nats;
using HostOps.Testing.Network;
using NATS.Client.Core;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Cli;

/// <summary>
/// A real second host: an agent inside a network namespace (its own address, reaching the control plane only over
/// a veth pair) joins with a join token by the control plane's namespace-facing address, over HTTPS and NATS TLS with the CA its
/// token pins, and runs jobs.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OtherHostTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private readonly string _workDir = Directory.CreateTempSubdirectory("hostops-otherhost-").FullName;
    private readonly int _apiPort = NatsServerProcess.FreeTcpPort();
    private readonly int _natsPort = NatsServerProcess.FreeTcpPort();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_agent_in_another_network_namespace_joins_and_runs_a_targeted_job_and_a_broadcast()
    {
        Assert.SkipWhen(NetworkNamespace.Unsupported is not null, NetworkNamespace.Unsupported ?? "");
        using var other = NetworkNamespace.Create();
        var control = FleetControlPlane.Environment(Path.Combine(_workDir, "data"), other.HostAddress, _apiPort, _natsPort);
        await using var controlPlane = HostOpsProcess.Start(_workDir, control, "start");
        await controlPlane.WaitForOutputAsync("HostOps is running", Ready);
        var (code, joinToken) = await HostOpsProcess.RunAsync(_workDir, control, "token", "generate", "--join");
        code.ShouldBe(0, joinToken);

        var inside = new Dictionary<string, string>
        {
            ["HOSTOPS_DATA_DIR"] = Path.Combine(_workDir, "inside"),
            ["HOSTOPS_JOB__WORKER__HOSTNAME"] = "inside",
        };
        await using var agent = HostOpsProcess.StartUnder(other.Exec, _workDir, inside, "agent", "start", "--join", joinToken.Trim());
        await agent.WaitForOutputAsync("Agent is running", Ready);

        // API and NATS listen beyond loopback, so both require TLS with HostOps' CA, which the agent pinned by its token.
        (await File.ReadAllTextAsync(Path.Combine(_workDir, "data", "nats-server.conf"), Ct)).ShouldContain("tls {");
        (await File.ReadAllTextAsync(Path.Combine(_workDir, "inside", "tls", "ca.pem"), Ct))
            .ShouldBe(await File.ReadAllTextAsync(Path.Combine(_workDir, "data", "tls", "ca.pem"), Ct));
        var api = NkeySeedFile.Load(Path.Combine(_workDir, "data", "identity", "api.nk"));
        await Should.ThrowAsync<NatsException>(async () => await NatsIdentityClient.ConnectAsync($"nats://{other.HostAddress}:{_natsPort}", api));

        var (tokenCode, token) = await HostOpsProcess.RunAsync(_workDir, control, "token", "generate", "--role", "read", "--ttl", "10m");
        tokenCode.ShouldBe(0, token);
        using var http = TestCertificates.TrustingOnly(Path.Combine(_workDir, "data", "tls", "ca.pem"), $"https://{other.HostAddress}:{_apiPort}");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        var targeted = await http.GetFromJsonAsync("system/hostname?target_hostname=inside", HostOpsJsonContext.Default.NodeResultsHostnameResult, Ct);
        targeted!.Results.ShouldHaveSingleItem().Hostname.ShouldBe("inside");
        var everyone = await http.GetFromJsonAsync("system/hostname?target_hostname=_all", HostOpsJsonContext.Default.NodeResultsHostnameResult, Ct);
        everyone!.Results.Select(r => r.Hostname).Order(StringComparer.Ordinal).ShouldBe(["control", "inside"]);

        await agent.InterruptAsync(Ct);
        (await agent.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, agent.Output);
    }

    public void Dispose()
    {
        NatsServerProcesses.KillUsing(_workDir);
        Directory.Delete(_workDir, recursive: true);
    }
}
