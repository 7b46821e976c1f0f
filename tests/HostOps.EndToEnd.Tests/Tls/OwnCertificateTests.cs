using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Json;
using HostOps.EndToEnd.Tests.Cli;
using HostOps.Testing.Network;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Tls;

/// <summary>
/// An operator's own certificates, keys and CAs for the API and NATS: HostOps makes no CA of its own, serves theirs,
/// pins theirs in join tokens; and an API whose certificate does not chain to the pinned CA is refused by a joining agent.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OwnCertificateTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private readonly TlsWorkspace _workspace = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operator_certificates_serve_the_api_and_nats_and_their_ca_is_the_one_agents_get_and_tokens_pin()
    {
        var api = TestCertificates.WriteOperatorCa(Path.Combine(_workspace.WorkDir, "operator-api"), "api");
        var nats = TestCertificates.WriteOperatorCa(Path.Combine(_workspace.WorkDir, "operator-nats"), "nats");
        var control = _workspace.ControlPlane();
        control["HOSTOPS_API__SERVER__TLS__CERT_FILE"] = api.Cert;
        control["HOSTOPS_API__SERVER__TLS__KEY_FILE"] = api.Key;
        control["HOSTOPS_API__SERVER__TLS__CA_FILE"] = api.Ca;
        control["HOSTOPS_NATS__SERVER__TLS__CERT_FILE"] = nats.Cert;
        control["HOSTOPS_NATS__SERVER__TLS__KEY_FILE"] = nats.Key;
        control["HOSTOPS_NATS__SERVER__TLS__CA_FILE"] = nats.Ca;

        await using var controlPlane = HostOpsProcess.Start(_workspace.WorkDir, control, "start");
        await controlPlane.WaitForOutputAsync("HostOps is running", Ready);

        X509Certificate2? served = null;
        using (var anonymous = TestCertificates.TrustingOnly(api.Ca, _workspace.ApiUrl, c => served = c))
        {
            var bundle = await anonymous.GetStringAsync("agent/ca", Ct);
            TestCertificates.Fingerprint(bundle).ShouldBe(TestCertificates.Fingerprint(await File.ReadAllTextAsync(api.Ca, Ct)));
            bundle.ShouldContain((await File.ReadAllTextAsync(nats.Ca, Ct)).Trim());
        }

        using var operatorLeaf = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(api.Cert, Ct));
        served.ShouldNotBeNull().Thumbprint.ShouldBe(operatorLeaf.Thumbprint);
        File.Exists(_workspace.CaFile).ShouldBeFalse(); // HostOps made no CA of its own
        (await File.ReadAllTextAsync(Path.Combine(_workspace.DataDir, "nats-server.conf"), Ct)).ShouldContain(nats.Cert);

        var text = await _workspace.RunOkAsync(control, "token", "generate", "--join", "--ttl", "10m");
        var token = JoinToken.TryDecode(text).ShouldNotBeNull();
        token.CaSha256.ShouldBe(TestCertificates.Fingerprint(await File.ReadAllTextAsync(api.Ca, Ct)));
        token.Nats.ShouldBe([$"tls://127.0.0.1:{_workspace.NatsPort}"]); // the server requires TLS, even on loopback

        // A joining agent verifies the API with the operator's CA and NATS with the bundle it got, and runs a job.
        await using var joiner = HostOpsProcess.Start(_workspace.WorkDir, _workspace.OtherHost("joiner"), "agent", "start", "--join", text);
        await joiner.WaitForOutputAsync("Agent is running", Ready);
        using var admin = await _workspace.AdminClientAsync(control, api.Ca);
        var hostname = await admin.GetFromJsonAsync("system/hostname?target_hostname=joiner", HostOpsJsonContext.Default.NodeResultsHostnameResult, Ct);
        hostname!.Results.ShouldHaveSingleItem().Hostname.ShouldBe("joiner");
    }

    [Fact]
    public async Task A_joining_agent_refuses_an_api_whose_certificate_does_not_chain_to_the_pinned_ca_even_if_it_offers_that_ca()
    {
        var control = _workspace.ControlPlane();
        await using var controlPlane = HostOpsProcess.Start(_workspace.WorkDir, control, "start");
        await controlPlane.WaitForOutputAsync("HostOps is running", Ready);
        var token = JoinToken.TryDecode(await _workspace.RunOkAsync(control, "token", "generate", "--join", "--ttl", "10m")).ShouldNotBeNull();

        // An impostor API: the control plane's public CA in the bundle it serves, but a certificate of another CA.
        var own = TestCertificates.WriteOperatorCa(Path.Combine(_workspace.WorkDir, "impostor"), "impostor");
        var offered = Path.Combine(_workspace.WorkDir, "impostor", "offered.pem");
        await File.WriteAllTextAsync(offered, await File.ReadAllTextAsync(_workspace.CaFile, Ct) + await File.ReadAllTextAsync(own.Ca, Ct), Ct);
        var impostorPort = FreePorts.Next();
        var impostor = new Dictionary<string, string>(control)
        {
            ["HOSTOPS_API__SERVER__PORT"] = impostorPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HOSTOPS_API__SERVER__TLS__CERT_FILE"] = own.Cert,
            ["HOSTOPS_API__SERVER__TLS__KEY_FILE"] = own.Key,
            ["HOSTOPS_API__SERVER__TLS__CA_FILE"] = offered,
            ["HOSTOPS_NATS__URL"] = $"nats://127.0.0.1:{_workspace.NatsPort}",
        };
        await using var impostorApi = HostOpsProcess.Start(_workspace.WorkDir, impostor, "api", "server", "start");
        await impostorApi.WaitForOutputAsync("API server is listening", Ready);

        var redirected = (token with { Api = [$"https://127.0.0.1:{impostorPort}"] }).Encode();
        var (code, output) = await HostOpsProcess.RunAsync(_workspace.WorkDir, _workspace.OtherHost("fooled"), "agent", "start", "--join", redirected);

        code.ShouldBe(2, output);
        output.ShouldContain("presented a certificate this agent does not trust");
        using var admin = await _workspace.AdminClientAsync(control);
        (await admin.GetAsync("agent/fooled", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public void Dispose() => _workspace.Dispose();
}
