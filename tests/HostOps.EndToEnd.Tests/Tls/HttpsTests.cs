using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Json;
using HostOps.EndToEnd.Tests.Cli;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Tls;

/// <summary>
/// The API over HTTPS as a user runs it: <c>hostops start</c> with <c>api.server.tls.enabled</c>, the CLI trusting the
/// data directory's CA, a joining agent pinning the CA of its token, and the refusal to listen beyond loopback in clear.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HttpsTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private readonly TlsWorkspace _workspace = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ApiUrl => _workspace.ApiUrl;

    private string DataDir => _workspace.DataDir;

    private string CaFile => _workspace.CaFile;

    [Fact]
    public async Task Start_serves_https_from_the_hostops_ca_and_the_cli_trusts_the_data_directory_ca_but_not_a_stranger()
    {
        await using var control = HostOpsProcess.Start(_workspace.WorkDir, ControlPlane(), "start");
        await control.WaitForOutputAsync("HostOps is running", Ready);
        control.Output.ShouldContain($"API     {ApiUrl}");

        X509Certificate2? served = null;
        using (var http = TestCertificates.TrustingOnly(CaFile, ApiUrl, c => served = c))
        {
            (await http.GetAsync("health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(CaFile, Ct));
        served.ShouldNotBeNull().Issuer.ShouldBe(ca.Subject);
        using (var untrusting = new HttpClient { BaseAddress = new Uri(ApiUrl) })
        {
            await Should.ThrowAsync<HttpRequestException>(() => untrusting.GetAsync("health", Ct)); // the system's roots do not know HostOps' CA
        }

        // The CLI in this directory: URL (https), token and CA come from the data directory.
        var (code, output) = await HostOpsProcess.RunAsync(_workspace.WorkDir, ControlPlane(), "client", "health", "status", "--json");
        code.ShouldBeOneOf([0, 1], output);
        output.ShouldContain("\"components\"");

        // Another directory, without the CA: the certificate is refused, and the error says why.
        Directory.CreateDirectory(Path.Combine(_workspace.WorkDir, "elsewhere"));
        var stranger = new Dictionary<string, string> { ["HOSTOPS_DATA_DIR"] = Path.Combine(_workspace.WorkDir, "elsewhere") };
        var (refusedCode, refused) = await HostOpsProcess.RunAsync(_workspace.WorkDir, stranger, "client", "health", "status", "--url", ApiUrl, "--token", "x");
        refusedCode.ShouldBe(1, refused);
        refused.ShouldContain("certificate is not trusted");

        // The same stranger given the CA by api.client.ca_file gets through TLS (and on to the API, which refuses its token).
        stranger["HOSTOPS_API__CLIENT__CA_FILE"] = CaFile;
        var (trustedCode, trusted) = await HostOpsProcess.RunAsync(_workspace.WorkDir, stranger, "client", "health", "status", "--url", ApiUrl, "--token", "x");
        trustedCode.ShouldBe(1, trusted);
        trusted.ShouldNotContain("certificate is not trusted");
        trusted.ShouldContain("Unauthorized");
    }

    [Fact]
    public async Task An_api_beyond_loopback_without_tls_is_refused_and_allow_insecure_http_lets_it_listen()
    {
        var wildcard = new Dictionary<string, string>(ControlPlane()) { ["HOSTOPS_API__SERVER__HOST"] = "0.0.0.0" };
        wildcard.Remove("HOSTOPS_API__SERVER__TLS__ENABLED");

        var (code, output) = await HostOpsProcess.RunAsync(_workspace.WorkDir, wildcard, "start");

        code.ShouldBe(2, output);
        output.Trim().ShouldBe("hostops: config api.server.tls: the API would listen on 0.0.0.0 (beyond loopback) without TLS; set api.server.tls.enabled: true, or api.server.allow_insecure_http: true on a trusted network");
        NatsServerProcesses.Using(Path.Combine(DataDir, "nats")).ShouldBeEmpty();

        wildcard["HOSTOPS_API__SERVER__ALLOW_INSECURE_HTTP"] = "true";
        wildcard["HOSTOPS_API__SERVER__SECURITY__SIGNING_KEY"] = "0123456789abcdef0123456789abcdef";
        wildcard["HOSTOPS_NATS__URL"] = $"nats://127.0.0.1:{_workspace.NatsPort}"; // nothing there: the API starts anyway
        await using var api = HostOpsProcess.Start(_workspace.WorkDir, wildcard, "api", "server", "start");
        await api.WaitForOutputAsync("API server is listening", Ready);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_workspace.ApiPort}/") };
        (await http.GetAsync("health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await api.InterruptAsync(Ct);
        (await api.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, api.Output);
    }

    [Fact]
    public async Task A_joining_agent_enrolls_over_https_with_the_pinned_ca_and_a_wrong_fingerprint_is_refused()
    {
        await using var control = HostOpsProcess.Start(_workspace.WorkDir, ControlPlane(), "start");
        await control.WaitForOutputAsync("HostOps is running", Ready);
        var text = await RunOkAsync(ControlPlane(), "token", "generate", "--join", "--ttl", "10m");
        var token = JoinToken.TryDecode(text).ShouldNotBeNull();
        token.Api.ShouldBe([ApiUrl]);
        token.CaSha256.ShouldBe(TestCertificates.Fingerprint(await File.ReadAllTextAsync(CaFile, Ct)));

        // A token whose pin is not the CA this API offers: the agent enrolls nowhere, the secret stays unused.
        var forged = (token with { CaSha256 = new string('0', 64) }).Encode();
        var (refusedCode, refused) = await HostOpsProcess.RunAsync(_workspace.WorkDir, OtherHost("forged"), "agent", "start", "--join", forged);
        refusedCode.ShouldBe(2, refused);
        refused.ShouldContain("does not match the fingerprint in the join token");
        File.Exists(Path.Combine(_workspace.WorkDir, "forged", "identity", "enrollment.json")).ShouldBeFalse();

        await using var joiner = HostOpsProcess.Start(_workspace.WorkDir, OtherHost("joiner"), "agent", "start", "--join", text);
        await joiner.WaitForOutputAsync("Agent is running", Ready);
        (await File.ReadAllTextAsync(Path.Combine(_workspace.WorkDir, "joiner", "tls", "ca.pem"), Ct)).ShouldBe(await File.ReadAllTextAsync(CaFile, Ct));
        using var http = await AdminClientAsync();
        var hostname = await http.GetFromJsonAsync("system/hostname?target_hostname=joiner", HostOpsJsonContext.Default.NodeResultsHostnameResult, Ct);
        hostname!.Results.ShouldHaveSingleItem().Hostname.ShouldBe("joiner");
        (await http.GetAsync("agent/forged", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public void Dispose() => _workspace.Dispose();

    private Task<HttpClient> AdminClientAsync() => _workspace.AdminClientAsync(ControlPlane());

    private Task<string> RunOkAsync(Dictionary<string, string> environment, params string[] args) => _workspace.RunOkAsync(environment, args);

    private Dictionary<string, string> ControlPlane() => _workspace.ControlPlane();

    private Dictionary<string, string> OtherHost(string hostname) => _workspace.OtherHost(hostname);
}
