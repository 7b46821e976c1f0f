using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HostOps.Nats.Configuration;
using HostOps.Nats.Server;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Shouldly;
using Xunit;

namespace HostOps.Nats.Tests.Server;

public sealed class ManagedNatsServerTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("hostops-managed-").FullName;
    private readonly int _port = NatsServerProcess.FreeTcpPort();

    [Fact]
    public async Task Start_reports_ready_only_when_jetstream_answers_and_stop_removes_the_process_and_pid_file()
    {
        var server = NewServer();
        await server.StartAsync(TestContext.Current.CancellationToken);
        var pid = server.ProcessId.ShouldNotBeNull();

        File.ReadAllText(server.PidFilePath).Trim().ShouldBe(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        server.StoreDir.ShouldBe(Path.Combine(_dataDir, "nats"));
        await using (var connection = new NatsConnection(new NatsOpts { Url = server.Url }))
        {
            var account = await new NatsJSContext(connection).GetAccountInfoAsync(TestContext.Current.CancellationToken);
            account.ShouldNotBeNull();
        }

        await server.StopAsync(TestContext.Current.CancellationToken);

        IsAlive(pid).ShouldBeFalse();
        File.Exists(server.PidFilePath).ShouldBeFalse();
        server.ProcessId.ShouldBeNull();
    }

    [Fact]
    public async Task A_stale_server_left_by_a_crashed_owner_is_replaced_on_the_next_start()
    {
        // The first owner "crashes": it never stops its child, which keeps running and holding the port.
        var crashed = NewServer();
        await crashed.StartAsync(TestContext.Current.CancellationToken);
        var stalePid = crashed.ProcessId.ShouldNotBeNull();

        await using var next = NewServer();
        await next.StartAsync(TestContext.Current.CancellationToken);

        IsAlive(stalePid).ShouldBeFalse();
        next.ProcessId.ShouldNotBeNull().ShouldNotBe(stalePid);
        File.ReadAllText(next.PidFilePath).Trim().ShouldBe(next.ProcessId.ToString());
    }

    [Fact]
    public async Task A_port_held_by_a_foreign_process_gives_an_error_naming_the_setting()
    {
        using var foreign = new TcpListener(IPAddress.Loopback, _port);
        foreign.Start();

        await using var server = NewServer();
        var error = await Should.ThrowAsync<ManagedNatsServerException>(() => server.StartAsync(TestContext.Current.CancellationToken));

        error.Message.ShouldBe($"nats.server.port {_port} is in use by another process");
        server.ProcessId.ShouldBeNull();
    }

    [Fact]
    public async Task A_pid_file_naming_an_unrelated_process_is_not_trusted()
    {
        // Our own test process is alive but is no nats-server: a recycled pid must never be killed.
        Directory.CreateDirectory(_dataDir);
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "nats-server.pid"), Environment.ProcessId + "\n", TestContext.Current.CancellationToken);

        await using var server = NewServer();
        await server.StartAsync(TestContext.Current.CancellationToken);

        server.ProcessId.ShouldNotBeNull().ShouldNotBe(Environment.ProcessId);
    }

    [Fact]
    public void A_missing_binary_is_named()
    {
        var error = Should.Throw<ManagedNatsServerException>(() => NatsServerBinary.Find("/nonexistent/nats-server"));

        error.Message.ShouldBe("nats.server.binary: /nonexistent/nats-server does not exist");
    }

    public void Dispose()
    {
        // Whatever a failed test left behind: kill any nats-server still using this store.
        foreach (var process in Process.GetProcessesByName("nats-server"))
        {
            if (File.Exists($"/proc/{process.Id}/cmdline")
                && File.ReadAllText($"/proc/{process.Id}/cmdline").Contains(_dataDir, StringComparison.Ordinal))
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
        }

        Directory.Delete(_dataDir, recursive: true);
    }

    private ManagedNatsServer NewServer() =>
        new(new NatsServerOptions { Host = "127.0.0.1", Port = _port }, _dataDir, NullLogger<ManagedNatsServer>.Instance)
        {
            GracePeriod = TimeSpan.FromSeconds(5),
        };

    private static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Length > 0;
}
