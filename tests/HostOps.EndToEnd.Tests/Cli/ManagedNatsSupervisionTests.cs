using System.Globalization;
using System.Net;
using HostOps.Testing.Nats;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Cli;

/// <summary>
/// The managed nats-server under faults, with the built <c>hostops</c>: one instance per data directory, a dead
/// server restarted, and no server outliving a <c>hostops</c> killed with SIGKILL.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ManagedNatsSupervisionTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private readonly string _workDir = Directory.CreateTempSubdirectory("hostops-supervise-").FullName;
    private readonly int _apiPort = NatsServerProcess.FreeTcpPort();
    private readonly int _natsPort = NatsServerProcess.FreeTcpPort();

    private string DataDir => Path.Combine(_workDir, "data");

    private string StoreDir => Path.Combine(DataDir, "nats");

    private string PidFile => Path.Combine(DataDir, "nats-server.pid");

    [Fact]
    public async Task A_second_start_on_the_same_data_directory_exits_2_naming_the_first_which_keeps_running()
    {
        await using var first = HostOpsProcess.Start(_workDir, Environment(), "start");
        await first.WaitForOutputAsync("HostOps is running", Ready);
        var natsPid = ReadPidFile();

        string[][] commands = [["start"], ["nats", "server", "start"]];
        foreach (var command in commands)
        {
            var (code, output) = await HostOpsProcess.RunAsync(_workDir, Environment(), command);

            code.ShouldBe(2, output);
            output.Trim().ShouldStartWith($"hostops: data directory {DataDir} is in use by hostops (pid {first.Id})");
            output.Trim().Split('\n').ShouldHaveSingleItem();
        }

        ReadPidFile().ShouldBe(natsPid);
        NatsServerProcesses.Using(StoreDir).ShouldBe([natsPid]);
        using (var http = new HttpClient())
        {
            using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{_apiPort}/health/ready"), TestContext.Current.CancellationToken);
            ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await first.InterruptAsync(TestContext.Current.CancellationToken);
        (await first.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, first.Output);
        NatsServerProcesses.Using(StoreDir).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_killed_server_is_restarted_and_a_sigkilled_hostops_leaves_no_server_behind()
    {
        await using var nats = HostOpsProcess.Start(_workDir, Environment(), "nats", "server", "start");
        await nats.WaitForOutputAsync("nats-server is running", Ready);
        var firstPid = ReadPidFile();

        KillNow(firstPid);
        await nats.WaitForOutputAsync("Restarted nats-server", TimeSpan.FromSeconds(20));
        nats.Output.ShouldContain($"nats-server (pid {firstPid}) exited with code 137");
        nats.Output.ShouldContain("restarting it in 1s");
        var secondPid = ReadPidFile();
        secondPid.ShouldNotBe(firstPid);
        NatsServerProcesses.Using(StoreDir).ShouldBe([secondPid]);

        nats.KillAlone();

        await WaitUntilAsync(() => NatsServerProcesses.Using(StoreDir).Count == 0, TimeSpan.FromSeconds(10), "a nats-server outlived its hostops");
    }

    public void Dispose()
    {
        NatsServerProcesses.KillUsing(_workDir);

        Directory.Delete(_workDir, recursive: true);
    }

    private int ReadPidFile() => int.Parse(File.ReadAllText(PidFile).Trim(), CultureInfo.InvariantCulture);

    private static void KillNow(int pid)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-s", "KILL", pid.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, failure);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["HOSTOPS_DATA_DIR"] = DataDir,
        ["HOSTOPS_NATS__SERVER__PORT"] = _natsPort.ToString(CultureInfo.InvariantCulture),
        ["HOSTOPS_NATS__URL"] = $"nats://127.0.0.1:{_natsPort}",
        ["HOSTOPS_API__SERVER__PORT"] = _apiPort.ToString(CultureInfo.InvariantCulture),
    };
}
