using System.Globalization;
using System.Net.Http.Headers;
using HostOps.EndToEnd.Tests.Cli;
using HostOps.Testing.Network;
using Shouldly;

namespace HostOps.EndToEnd.Tests.Tls;

/// <summary>
/// A working directory for one TLS test: a control plane (<c>data/</c>, API over HTTPS on loopback) and other hosts
/// (their own data directories, nothing of the control plane's configuration). Disposing kills what it left running.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class TlsWorkspace : IDisposable
{
    public string WorkDir { get; } = Directory.CreateTempSubdirectory("hostops-tls-").FullName;

    public int ApiPort { get; } = FreePorts.Next();

    public int NatsPort { get; } = FreePorts.Next();

    public string ApiUrl => $"https://127.0.0.1:{ApiPort}";

    public string DataDir => Path.Combine(WorkDir, "data");

    /// <summary>HostOps' own CA bundle on the control plane.</summary>
    public string CaFile => Path.Combine(DataDir, "tls", "ca.pem");

    public Dictionary<string, string> ControlPlane() => new()
    {
        ["HOSTOPS_DATA_DIR"] = DataDir,
        ["HOSTOPS_NATS__SERVER__PORT"] = NatsPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_API__SERVER__PORT"] = ApiPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_API__SERVER__TLS__ENABLED"] = "true",
        ["HOSTOPS_JOB__WORKER__HOSTNAME"] = "control",
    };

    public Dictionary<string, string> OtherHost(string hostname) => new()
    {
        ["HOSTOPS_DATA_DIR"] = Path.Combine(WorkDir, hostname),
        ["HOSTOPS_JOB__WORKER__HOSTNAME"] = hostname,
    };

    public async Task<string> RunOkAsync(Dictionary<string, string> environment, params string[] args)
    {
        var (code, output) = await HostOpsProcess.RunAsync(WorkDir, environment, args);
        code.ShouldBe(0, output);
        return output.Trim();
    }

    /// <summary>An admin's HTTPS client of the control plane's API, trusting <paramref name="caFile"/> (default: HostOps' CA) alone.</summary>
    public async Task<HttpClient> AdminClientAsync(Dictionary<string, string> controlPlane, string? caFile = null)
    {
        var token = await RunOkAsync(controlPlane, "token", "generate", "--role", "admin", "--ttl", "10m");
        var http = TestCertificates.TrustingOnly(caFile ?? CaFile, ApiUrl);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public void Dispose()
    {
        NatsServerProcesses.KillUsing(WorkDir);
        Directory.Delete(WorkDir, recursive: true);
    }
}
