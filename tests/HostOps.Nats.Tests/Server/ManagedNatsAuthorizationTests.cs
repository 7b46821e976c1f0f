using HostOps.Nats.Auth;
using HostOps.Nats.Configuration;
using HostOps.Nats.Server;
using HostOps.Testing;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using Shouldly;
using Xunit;

namespace HostOps.Nats.Tests.Server;

/// <summary>The managed server's users: only listed identities get in, and a change applies by reload, to live connections too.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ManagedNatsAuthorizationTests : IAsyncDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("hostops-auth-").FullName;
    private readonly int _port = NatsServerProcess.FreeTcpPort();

    [Fact]
    public async Task An_identity_gets_in_once_added_by_reload_and_is_disconnected_once_removed()
    {
        var admin = NkeySeedFile.LoadOrCreate(Path.Combine(_dataDir, "identity", "api.nk"));
        var newcomer = NkeySeedFile.LoadOrCreate(Path.Combine(_dataDir, "identity", "newcomer.nk"));
        var adminOnly = new[] { NatsUser.Everything("api", admin.PublicKey) };
        await using var server = new ManagedNatsServer(new NatsServerOptions { Host = "127.0.0.1", Port = _port }, _dataDir, NullLogger<ManagedNatsServer>.Instance)
        {
            Admin = admin,
            Users = adminOnly,
        };
        await server.StartAsync(TestContext.Current.CancellationToken);
        File.GetUnixFileMode(server.ConfigPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(admin.Path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await Should.ThrowAsync<NatsException>(() => ConnectAsync(null))).ToString().ShouldContain("Authorization Violation");
        await Should.ThrowAsync<NatsException>(() => ConnectAsync(newcomer));

        server.ApplyUsers([.. adminOnly, new NatsUser("newcomer", newcomer.PublicKey, [">"], [">"])]);
        var connection = await Eventually.GetAsync(() => TryConnectAsync(newcomer), c => c is not null, TimeSpan.FromSeconds(10), "the added identity admitted");

        await using (connection)
        {
            server.ApplyUsers(adminOnly);
            await Eventually.TrueAsync(() => Task.FromResult(connection!.ConnectionState != NatsConnectionState.Open), TimeSpan.FromSeconds(5), "the removed identity disconnected");
        }

        await Should.ThrowAsync<NatsException>(() => ConnectAsync(newcomer));
        await using var stillAdmin = await ConnectAsync(admin);
        stillAdmin.ConnectionState.ShouldBe(NatsConnectionState.Open);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dataDir, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<NatsConnection?> TryConnectAsync(NkeySeedFile identity)
    {
        try
        {
            return await ConnectAsync(identity);
        }
        catch (NatsException)
        {
            return null;
        }
    }

    private Task<NatsConnection> ConnectAsync(NkeySeedFile? identity) => NatsIdentityClient.ConnectAsync($"nats://127.0.0.1:{_port}", identity);
}
