using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NATS.Client.Core;

namespace HostOps.Testing.Nats;

/// <summary>
/// A real <c>nats-server -js</c> on a random loopback port with a temporary store, for tests.
/// NATS is never mocked: every test that touches the job system talks to one of these.
/// </summary>
public sealed class NatsServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NatsServerProcess(Process process, int port, string storeDir)
    {
        _process = process;
        Port = port;
        StoreDir = storeDir;
    }

    public int Port { get; }

    public string StoreDir { get; }

    public string Url => $"nats://127.0.0.1:{Port}";

    public bool HasExited => _process.HasExited;

    public static async Task<NatsServerProcess> StartAsync(string? storeDir = null, int? port = null, CancellationToken cancellationToken = default)
    {
        storeDir ??= Directory.CreateTempSubdirectory("hostops-nats-").FullName;
        port ??= FreeTcpPort();
        var info = new ProcessStartInfo(FindBinary(), ["-a", "127.0.0.1", "-p", port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "-js", "-sd", storeDir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("nats-server did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new NatsServerProcess(process, port.Value, storeDir);
        await server.WaitUntilReadyAsync(cancellationToken);
        return server;
    }

    public static string FindBinary()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin"))
        {
            var candidate = Path.Combine(dir, "nats-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("nats-server is not installed; ./test.sh installs it with apt-get install -y nats-server");
    }

    public static int FreeTcpPort() => Network.FreePorts.Next();

    public NatsConnection Connect() => new(new NatsOpts { Url = Url, Name = "hostops-test" });

    /// <summary>Kills the server at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(StoreDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nats-server exited with code {_process.ExitCode} before it was ready");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20, cancellationToken);
            }
        }

        throw new TimeoutException("nats-server did not accept connections within 15 s");
    }
}
