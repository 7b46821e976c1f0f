using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HostOps.Contracts.Operations.Hostname;
using HostOps.Testing.Nats;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Cli;

/// <summary>
/// <c>PUT /system/hostname</c> for real: the agent runs in its own UTS namespace (<c>unshare --uts</c>) with a
/// private mount of a scratch file over <c>/etc/hostname</c>, so it changes its namespace's kernel hostname and that
/// file, and the machine's own name and file stay as they were. Needs root (CI runs as root).
/// </summary>
public sealed class HostnameInUtsNamespaceTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private readonly string _workDir = Directory.CreateTempSubdirectory("hostops-uts-").FullName;
    private readonly int _apiPort = NatsServerProcess.FreeTcpPort();
    private readonly int _natsPort = NatsServerProcess.FreeTcpPort();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_agent_sets_its_namespaces_hostname_and_file_and_reports_no_change_the_second_time()
    {
        Assert.SkipWhen(Environment.UserName != "root" || !File.Exists("/usr/bin/unshare"), "needs root and unshare(1) for a UTS and mount namespace");
        var machineName = await File.ReadAllTextAsync("/proc/sys/kernel/hostname", Ct);
        var machineFile = File.Exists("/etc/hostname") ? await File.ReadAllTextAsync("/etc/hostname", Ct) : null;
        var scratch = Path.Combine(_workDir, "hostname");
        await File.WriteAllTextAsync(scratch, "before-test\n", Ct);

        var control = new Dictionary<string, string>
        {
            ["HOSTOPS_DATA_DIR"] = Path.Combine(_workDir, "data"),
            ["HOSTOPS_NATS__SERVER__PORT"] = _natsPort.ToString(CultureInfo.InvariantCulture),
            ["HOSTOPS_API__SERVER__PORT"] = _apiPort.ToString(CultureInfo.InvariantCulture),
        };
        await using var controlPlane = HostOpsProcess.Start(_workDir, control, "start");
        await controlPlane.WaitForOutputAsync("HostOps is running", Ready);
        var (code, joinToken) = await HostOpsProcess.RunAsync(_workDir, control, "token", "generate", "--join", "--ttl", "10m");
        code.ShouldBe(0, joinToken);

        // The test's own wrapper (not HostOps) mounts the scratch file in the new mount namespace, names the new UTS
        // namespace, hides /run/systemd there (so the agent writes the files itself rather than asking the machine's
        // hostnamed, which would rename the machine), then runs the agent.
        string[] inNamespace =
        [
            "unshare", "--uts", "--mount", "--propagation", "private", "--",
            "/bin/sh", "-c",
            $"mount --bind '{scratch}' /etc/hostname && echo before-test > /proc/sys/kernel/hostname"
                + " && { [ ! -d /run/systemd ] || mount -t tmpfs none /run/systemd; } && exec \"$@\"",
            "sh",
        ];
        var agentEnvironment = new Dictionary<string, string>
        {
            ["HOSTOPS_DATA_DIR"] = Path.Combine(_workDir, "uts"),
            ["HOSTOPS_JOB__WORKER__HOSTNAME"] = "uts-agent",
            ["HOSTOPS_ALLOW_HOST_CHANGES"] = "1",
        };
        await using var agent = HostOpsProcess.StartUnder(inNamespace, _workDir, agentEnvironment, "agent", "start", "--join", joinToken.Trim());
        await agent.WaitForOutputAsync("Agent is running", Ready);

        var (tokenCode, token) = await HostOpsProcess.RunAsync(_workDir, control, "token", "generate", "--role", "write", "--ttl", "10m");
        tokenCode.ShouldBe(0, token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_apiPort}/"), Timeout = TimeSpan.FromSeconds(40) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());

        var first = await SetAsync(http, "hostops-uts-test");
        var second = await SetAsync(http, "hostops-uts-test");

        first.ShouldBe(new HostnameSetResult { Hostname = "uts-agent", Changed = true, Previous = "before-test", Current = "hostops-uts-test" });
        second.Changed.ShouldBeFalse();
        (await File.ReadAllTextAsync(scratch, Ct)).ShouldBe("hostops-uts-test\n");
        (await File.ReadAllTextAsync("/proc/sys/kernel/hostname", Ct)).ShouldBe(machineName);
        (File.Exists("/etc/hostname") ? await File.ReadAllTextAsync("/etc/hostname", Ct) : null).ShouldBe(machineFile);
    }

    public void Dispose()
    {
        NatsServerProcesses.KillUsing(_workDir);
        Directory.Delete(_workDir, recursive: true);
    }

    private static async Task<HostnameSetResult> SetAsync(HttpClient http, string name)
    {
        using var response = await http.PutAsJsonAsync(
            "system/hostname?target_hostname=uts-agent", new HostnameSetRequest { Name = name }, HostnameJsonContext.Default.HostnameSetRequest, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return System.Text.Json.JsonSerializer.Deserialize(body, HostnameJsonContext.Default.NodeResultsHostnameSetResult)!.Results.ShouldHaveSingleItem();
    }
}
