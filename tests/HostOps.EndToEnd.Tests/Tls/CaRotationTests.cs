using HostOps.Contracts.Security;
using HostOps.EndToEnd.Tests.Cli;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Tls;

/// <summary>
/// <c>hostops tls rotate-ca add|activate|drop</c> with a joined agent: the agent fetches the bundle with the next CA,
/// keeps trusting the API once its certificate comes from the next CA, and later drops the previous CA.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CaRotationTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private readonly TlsWorkspace _workspace = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string AgentBundle => Path.Combine(_workspace.WorkDir, "joiner", "tls", "ca.pem");

    [Fact]
    public async Task A_joined_agent_follows_a_ca_rotation_through_its_three_steps()
    {
        var control = _workspace.ControlPlane();
        var controlPlane = HostOpsProcess.Start(_workspace.WorkDir, control, "start");
        await controlPlane.WaitForOutputAsync("HostOps is running", Ready);
        var join = await _workspace.RunOkAsync(control, "token", "generate", "--join", "--ttl", "10m");
        await RunAgentOnceAsync("--join", join);
        var first = CaBundle.Load(_workspace.CaFile).Single();
        CaBundle.Load(AgentBundle).Select(CaBundle.Fingerprint).ShouldBe([CaBundle.Fingerprint(first)]);

        (await _workspace.RunOkAsync(control, "tls", "rotate-ca", "add")).ShouldContain("added the next CA");
        await RunAgentOnceAsync(); // a start fetches the bundle: the running API serves it at once
        var both = CaBundle.Load(AgentBundle).Select(CaBundle.Fingerprint).ToList();
        both.Count.ShouldBe(2);
        both[0].ShouldBe(CaBundle.Fingerprint(first));

        (await _workspace.RunOkAsync(control, "tls", "rotate-ca", "activate")).ShouldContain("is now the current one");
        await controlPlane.InterruptAsync(Ct);
        (await controlPlane.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, controlPlane.Output);
        await controlPlane.DisposeAsync();
        controlPlane = HostOpsProcess.Start(_workspace.WorkDir, control, "start");
        await controlPlane.WaitForOutputAsync("HostOps is running", Ready);
        using (var onlyNext = TestCertificates.TrustingOnly(OnlyCertificate(both[1]), _workspace.ApiUrl))
        {
            (await onlyNext.GetAsync("health", Ct)).IsSuccessStatusCode.ShouldBeTrue(); // served from the next CA now
        }

        await RunAgentOnceAsync(); // verifies the API with the next CA, which it already trusts
        CaBundle.Load(AgentBundle).Select(CaBundle.Fingerprint).ShouldBe([both[1], both[0]]);

        (await _workspace.RunOkAsync(control, "tls", "rotate-ca", "drop")).ShouldContain("dropped 1 previous CA");
        await RunAgentOnceAsync();
        CaBundle.Load(AgentBundle).Select(CaBundle.Fingerprint).ShouldBe([both[1]]);
        await controlPlane.DisposeAsync();
    }

    public void Dispose() => _workspace.Dispose();

    // Starts the joiner until it runs, then stops it with Ctrl-C.
    private async Task RunAgentOnceAsync(params string[] extra)
    {
        await using var agent = HostOpsProcess.Start(_workspace.WorkDir, _workspace.OtherHost("joiner"), ["agent", "start", .. extra]);
        await agent.WaitForOutputAsync("Agent is running", Ready);
        await agent.InterruptAsync(Ct);
        (await agent.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, agent.Output);
    }

    private string OnlyCertificate(string fingerprint)
    {
        var path = Path.Combine(_workspace.WorkDir, $"{fingerprint}.pem");
        File.WriteAllText(path, CaBundle.ToPem(CaBundle.Load(_workspace.CaFile).Where(c => CaBundle.Fingerprint(c) == fingerprint)));
        return path;
    }
}
