using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HostOps.Nats.Configuration;
using HostOps.Nats.Server;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;
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
        using (DataDirectoryLock.Acquire(_dataDir))
        {
            // The lock went with the instance.
        }
    }

    [Fact]
    public async Task A_stale_server_left_by_an_owner_that_is_gone_is_replaced_on_the_next_start()
    {
        // The owner died without stopping its child: the server keeps running and holding the port, the pid file
        // names it, and the data directory's lock is free again.
        using var stale = StartBareServer();
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "nats-server.pid"), stale.Id + "\n", TestContext.Current.CancellationToken);
        await WaitUntilListeningAsync();

        await using var next = NewServer();
        await next.StartAsync(TestContext.Current.CancellationToken);

        stale.HasExited.ShouldBeTrue();
        next.ProcessId.ShouldNotBeNull().ShouldNotBe(stale.Id);
        File.ReadAllText(next.PidFilePath).Trim().ShouldBe(next.ProcessId.ToString());
    }

    [Fact]
    public async Task A_second_instance_on_the_same_data_directory_is_refused_naming_the_first_whose_server_keeps_running()
    {
        await using var first = NewServer();
        await first.StartAsync(TestContext.Current.CancellationToken);
        var pid = first.ProcessId.ShouldNotBeNull();

        await using var second = NewServer();
        var error = await Should.ThrowAsync<DataDirectoryInUseException>(() => second.StartAsync(TestContext.Current.CancellationToken));

        error.OwnerPid.ShouldBe(Environment.ProcessId);
        error.Message.ShouldStartWith($"data directory {_dataDir} is in use by hostops (pid {Environment.ProcessId})");
        await second.DisposeAsync();
        first.ProcessId.ShouldBe(pid);
        IsAlive(pid).ShouldBeTrue();
        File.ReadAllText(first.PidFilePath).Trim().ShouldBe(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var connection = new NatsConnection(new NatsOpts { Url = first.Url });
        (await new NatsJSContext(connection).GetAccountInfoAsync(TestContext.Current.CancellationToken)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_server_killed_with_sigkill_is_restarted_on_the_same_store_and_port_and_keeps_its_data()
    {
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var logger = new RecordingLogger<ManagedNatsServer>();
        await using var server = new ManagedNatsServer(new NatsServerOptions { Host = "127.0.0.1", Port = _port }, _dataDir, logger)
        {
            GracePeriod = TimeSpan.FromSeconds(5),
            AfterRestart = _ =>
            {
                restarted.TrySetResult();
                return Task.CompletedTask;
            },
        };
        await server.StartAsync(TestContext.Current.CancellationToken);
        var firstPid = server.ProcessId.ShouldNotBeNull();
        await using (var connection = new NatsConnection(new NatsOpts { Url = server.Url }))
        {
            var store = await new NatsKVContext(new NatsJSContext(connection)).CreateStoreAsync("survivors", TestContext.Current.CancellationToken);
            await store.PutAsync("key", "written before the crash", cancellationToken: TestContext.Current.CancellationToken);
        }

        using (var child = Process.GetProcessById(firstPid))
        {
            child.Kill();
        }

        await restarted.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        var secondPid = server.ProcessId.ShouldNotBeNull();
        secondPid.ShouldNotBe(firstPid);
        IsAlive(firstPid).ShouldBeFalse();
        File.ReadAllText(server.PidFilePath).Trim().ShouldBe(secondPid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var commandLine = File.ReadAllText($"/proc/{secondPid}/cmdline").Split('\0');
        commandLine.ShouldContain(server.ConfigPath);
        File.ReadAllText(server.ConfigPath).ShouldContain($"127.0.0.1:{_port}");
        File.ReadAllText(server.ConfigPath).ShouldContain(server.StoreDir);
        await using (var connection = new NatsConnection(new NatsOpts { Url = server.Url }))
        {
            var store = await new NatsKVContext(new NatsJSContext(connection)).GetStoreAsync("survivors", TestContext.Current.CancellationToken);
            (await store.GetEntryAsync<string>("key", cancellationToken: TestContext.Current.CancellationToken)).Value.ShouldBe("written before the crash");
        }

        logger.Entries.ShouldContain(e => e.Level == LogLevel.Warning
            && e.Message.StartsWith($"nats-server (pid {firstPid}) exited with code 137 after ", StringComparison.Ordinal)
            && e.Message.EndsWith("; restarting it in 1s", StringComparison.Ordinal));

        await server.StopAsync(TestContext.Current.CancellationToken);
        IsAlive(secondPid).ShouldBeFalse();
        File.Exists(server.PidFilePath).ShouldBeFalse();
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

    private Process StartBareServer()
    {
        // As a managed server runs: from the data directory's generated configuration file.
        var config = Path.Combine(_dataDir, "nats-server.conf");
        NatsServerConfigFile.Write(config, new NatsServerOptions { Host = "127.0.0.1", Port = _port }, Path.Combine(_dataDir, "nats"), []);
        var info = new ProcessStartInfo(NatsServerProcess.FindBinary(), ["-c", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilListeningAsync()
    {
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _port, TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }
    }

    private static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Length > 0;
}
