using System.Net.Http.Headers;
using System.Net.Http.Json;
using HostOps.Contracts.Json;
using HostOps.EndToEnd.Tests.Cli;
using HostOps.EndToEnd.Tests.Tls;
using HostOps.Testing;
using HostOps.Testing.Nats;
using HostOps.Testing.Network;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Packaging;

/// <summary>
/// The packaged native agent on a real second host: unpacked from its .deb, it installs inside a network namespace
/// with a join token (the non-systemd path), tells a notify socket it is ready as systemd's Type=notify expects, runs a
/// targeted job and a broadcast, and uninstalls, which revokes it. Its resident memory is read from /proc and reported.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NativeAgentTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private readonly string _workDir = Directory.CreateTempSubdirectory("hostops-native-").FullName;
    private readonly int _apiPort = NatsServerProcess.FreeTcpPort();
    private readonly int _natsPort = NatsServerProcess.FreeTcpPort();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_packaged_agent_installs_in_another_network_namespace_is_ready_runs_jobs_and_uninstalls()
    {
        Assert.SkipWhen(Packages.Missing() is not null, Packages.Missing() ?? "");
        Assert.SkipWhen(NetworkNamespace.Unsupported is not null, NetworkNamespace.Unsupported ?? "");
        var unpacked = Path.Combine(_workDir, "root");
        await Packages.ExtractAsync(Packages.Deb("hostops-agent"), unpacked);
        var agentBinary = Path.Combine(unpacked, "usr/bin/hostops-agent");
        using var other = NetworkNamespace.Create();
        var control = FleetControlPlane.Environment(Path.Combine(_workDir, "data"), other.HostAddress, _apiPort, _natsPort);
        await using var controlPlane = HostOpsProcess.Start(_workDir, control, "start");
        await controlPlane.WaitForOutputAsync("HostOps is running", Ready);
        var (code, joinToken) = await HostOpsProcess.RunAsync(_workDir, control, "token", "generate", "--join");
        code.ShouldBe(0, joinToken);

        // Install: configuration and identity in this test's directories, not /etc and /var/lib.
        var config = Path.Combine(_workDir, "etc", "agent.yaml");
        var state = Path.Combine(_workDir, "state");
        var inside = new Dictionary<string, string> { ["HOSTOPS_JOB__WORKER__HOSTNAME"] = "native" };
        string[] install = ["install", "--join", joinToken.Trim(), "--config", config, "--data-dir", state, "--label", "group=native"];
        var systemd = Directory.Exists("/run/systemd/system"); // never enable a unit on a developer's machine
        var (installCode, installed) = await HostOpsProcess.RunProgramAsync(other.Exec, agentBinary, _workDir, inside, systemd ? [.. install, "--no-service"] : install);
        installCode.ShouldBe(0, installed);
        installed.ShouldContain("Enrolled native");
        installed.ShouldContain(systemd ? "(--no-service)" : "systemd does not run on this host");
        installed.ShouldContain($"start --config {config}");
        File.GetUnixFileMode(state).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // Start as systemd would: with a notify socket, which hears READY=1 once the agent consumes.
        using var notify = new NotifySocket(_workDir);
        await using var agent = HostOpsProcess.StartProgram(
            other.Exec, agentBinary, _workDir, new Dictionary<string, string>(inside) { ["NOTIFY_SOCKET"] = notify.Path }, "start", "--config", config);
        (await notify.ReceiveAsync(Ready, Ct)).ShouldContain("READY=1", customMessage: agent.Output);
        agent.Output.ShouldContain("Agent is running");

        var (tokenCode, token) = await HostOpsProcess.RunAsync(_workDir, control, "token", "generate", "--role", "read", "--ttl", "10m");
        tokenCode.ShouldBe(0, token);
        using var http = TestCertificates.TrustingOnly(Path.Combine(_workDir, "data", "tls", "ca.pem"), $"https://{other.HostAddress}:{_apiPort}");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        var targeted = await http.GetFromJsonAsync("system/hostname?target_hostname=native", HostOpsJsonContext.Default.NodeResultsHostnameResult, Ct);
        targeted!.Results.ShouldHaveSingleItem().Hostname.ShouldBe("native");
        var everyone = await http.GetFromJsonAsync("system/status?target_hostname=_all", HostOpsJsonContext.Default.NodeResultsSystemStatusResult, Ct);
        everyone!.Results.Select(r => r.Hostname).Order(StringComparer.Ordinal).ShouldBe(["control", "native"]);

        var rss = ProcessMemory.ResidentKib(agent.Id);
        output.WriteLine($"native agent (pid {agent.Id}) resident memory after two jobs: {rss / 1024.0:0.0} MiB");
        rss.ShouldBeGreaterThan(0);

        await agent.InterruptAsync(Ct);
        (await agent.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, agent.Output);

        var (uninstallCode, uninstalled) = await HostOpsProcess.RunProgramAsync([], agentBinary, _workDir, inside, "uninstall", "--config", config);
        uninstallCode.ShouldBe(0, uninstalled);
        uninstalled.ShouldContain($"Removed native from the fleet at https://{other.HostAddress}:{_apiPort}");
        File.Exists(config).ShouldBeFalse();
        File.Exists(Path.Combine(state, "identity", "agent.nk")).ShouldBeFalse();
        using var removed = await http.GetAsync("agent/native", Ct);
        removed.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound, "uninstall revokes the agent through the API");
    }

    [Fact]
    public async Task The_native_agent_reads_sizes_and_durations_with_their_own_converters_and_names_a_bad_one()
    {
        Assert.SkipWhen(Packages.Missing() is not null, Packages.Missing() ?? "");
        var unpacked = Path.Combine(_workDir, "root");
        await Packages.ExtractAsync(Packages.Deb("hostops-agent"), unpacked);
        var environment = new Dictionary<string, string> { ["HOSTOPS_DATA_DIR"] = Path.Combine(_workDir, "data"), ["HOSTOPS_JOB__KV__MAX_BYTES"] = "3x" };

        var (code, text) = await HostOpsProcess.RunProgramAsync([], Path.Combine(unpacked, "usr/bin/hostops-agent"), _workDir, environment, "start");

        code.ShouldBe(2, text);
        text.ShouldContain("hostops: config job.kv.max_bytes: '3x' is not a size (use forms like 4096, 64KiB, 512MiB, 1GiB or 1GB)");
    }


    public void Dispose()
    {
        NatsServerProcesses.KillUsing(_workDir);
        Directory.Delete(_workDir, recursive: true);
    }
}
