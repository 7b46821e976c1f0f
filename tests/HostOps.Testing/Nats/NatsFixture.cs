using NATS.Client.Core;
using Xunit;

namespace HostOps.Testing.Nats;

/// <summary>
/// One real nats-server shared by the tests of a class (<c>IClassFixture&lt;NatsFixture&gt;</c>);
/// tests keep apart by taking unique resource names from <see cref="UniqueName"/>.
/// </summary>
public sealed class NatsFixture : IAsyncLifetime
{
    private static int _counter;
    private NatsServerProcess? _server;
    private NatsConnection? _connection;

    public NatsServerProcess Server => _server ?? throw new InvalidOperationException("fixture not started");

    public NatsConnection Connection => _connection ?? throw new InvalidOperationException("fixture not started");

    public string Url => Server.Url;

    /// <summary>A resource name no other test uses, e.g. <c>JOBS-7</c>.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    public async ValueTask InitializeAsync()
    {
        _server = await NatsServerProcess.StartAsync();
        _connection = new NatsConnection(new NatsOpts { Url = _server.Url, Name = "hostops-test" });
        await _connection.ConnectAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public INatsClient Client => Connection;
}
