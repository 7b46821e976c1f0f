using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using HostOps.Contracts.Security;
using HostOps.EndToEnd.Tests.Cli;
using HostOps.Testing.Nats;

namespace HostOps.Ui.Tests;

/// <summary>
/// <c>hostops start</c> (the fault host's: the shipped CLI plus <c>test.record.do</c>) on free ports in a temporary
/// directory, with tokens signed by its key. <c>job.consumer.max_deliver: 1</c> and no record directory make every
/// <c>test.record.do</c> job fail transiently once and so land in the dead letters at once.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RunningHostOps : IAsyncDisposable
{
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(60);
    private readonly string _workDir = Directory.CreateTempSubdirectory("hostops-ui-").FullName;
    private readonly int _apiPort = NatsServerProcess.FreeTcpPort();
    private readonly int _natsPort = NatsServerProcess.FreeTcpPort();
    private HostOpsProcess? _process;
    private JwtIssuer? _issuer;

    public Uri BaseUrl => new($"http://127.0.0.1:{_apiPort}");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Output => _process?.Output ?? "";

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["HOSTOPS_DATA_DIR"] = Path.Combine(_workDir, "data"),
        ["HOSTOPS_NATS__SERVER__PORT"] = _natsPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_NATS__URL"] = $"nats://127.0.0.1:{_natsPort}",
        ["HOSTOPS_API__SERVER__PORT"] = _apiPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_JOB__CONSUMER__MAX_DELIVER"] = "1",
    };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var hostDll = Path.Combine(BuildDirectory("FaultsHostDirectory"), "HostOps.Faults.Host.dll");
        _process = HostOpsProcess.StartProgram(["dotnet"], hostDll, _workDir, Environment, "start");
        await _process.WaitForOutputAsync("HostOps is running.", HealthyWithin);
        var key = File.ReadAllLines(Path.Combine(_workDir, "data", "hostops.yaml"))
            .Select(l => l.Trim())
            .Single(l => l.StartsWith("signing_key:", StringComparison.Ordinal))["signing_key:".Length..].Trim().Trim('"', '\'');
        _issuer = new JwtIssuer(key);
        using var ready = await Http.GetAsync(new Uri(BaseUrl, "/health/ready"), cancellationToken);
        if (ready.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"hostops start is not ready ({ready.StatusCode}):\n{Output}");
        }
    }

    public string Token(string role, string subject = "ui-tester") =>
        _issuer!.Issue(new TokenRequest(subject, [role], [], TimeSpan.FromHours(1)));

    /// <summary>Runs <c>hostops ARGS</c> (the shipped CLI) against this instance's data directory.</summary>
    public Task<(int ExitCode, string Output)> RunCliAsync(params string[] args) => HostOpsProcess.RunAsync(_workDir, Environment, args);

    public async Task<Guid> SubmitAsync(string type, object? data, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, "/job"))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { operation = new { type, data }, target_hostname = "_any" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /job answered {response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("job_id").GetGuid();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.InterruptAsync(CancellationToken.None);
            if (await _process.WaitForExitAsync(TimeSpan.FromSeconds(20)) is null)
            {
                await _process.DisposeAsync();
            }
        }

        Http.Dispose();
        NatsServerProcesses.KillUsing(_workDir);
        Directory.Delete(_workDir, recursive: true);
    }

    private static string BuildDirectory(string key) =>
        typeof(RunningHostOps).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
