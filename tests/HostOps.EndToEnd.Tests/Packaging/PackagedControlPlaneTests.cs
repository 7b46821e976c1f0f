using System.Globalization;
using System.Net;
using HostOps.EndToEnd.Tests.Cli;
using HostOps.Testing;
using HostOps.Testing.Nats;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Packaging;

/// <summary>The control plane as the .deb installs it: the self-contained <c>hostops</c> runs without the SDK's build.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PackagedControlPlaneTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("hostops-packaged-").FullName;
    private readonly int _apiPort = NatsServerProcess.FreeTcpPort();
    private readonly int _natsPort = NatsServerProcess.FreeTcpPort();

    [Fact]
    public async Task The_packaged_hostops_starts_the_control_plane_reports_its_version_and_stops_on_sigint()
    {
        Assert.SkipWhen(Packages.Missing() is not null, Packages.Missing() ?? "");
        var unpacked = Path.Combine(_workDir, "root");
        await Packages.ExtractAsync(Packages.Deb("hostops"), unpacked);
        var environment = new Dictionary<string, string>
        {
            ["HOSTOPS_DATA_DIR"] = Path.Combine(_workDir, "data"),
            ["HOSTOPS_NATS__SERVER__PORT"] = _natsPort.ToString(CultureInfo.InvariantCulture),
            ["HOSTOPS_NATS__URL"] = $"nats://127.0.0.1:{_natsPort}",
            ["HOSTOPS_API__SERVER__PORT"] = _apiPort.ToString(CultureInfo.InvariantCulture),
        };

        await using var hostops = HostOpsProcess.StartProgram([], Path.Combine(unpacked, "usr/bin/hostops"), _workDir, environment, "start");
        await hostops.WaitForOutputAsync("HostOps is running", TimeSpan.FromSeconds(60));

        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{_apiPort}/health"), TestContext.Current.CancellationToken);
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (code, version) = await HostOpsProcess.RunProgramAsync([], Path.Combine(unpacked, "usr/bin/hostops"), _workDir, environment, "--version");
        code.ShouldBe(0);
        version.Trim().Split('+')[0].ShouldBe(Repository.Version);

        await hostops.InterruptAsync(TestContext.Current.CancellationToken);
        (await hostops.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, hostops.Output);
    }

    public void Dispose()
    {
        NatsServerProcesses.KillUsing(_workDir);
        Directory.Delete(_workDir, recursive: true);
    }
}
