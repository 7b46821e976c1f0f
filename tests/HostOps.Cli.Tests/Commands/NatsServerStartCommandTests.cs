using System.Net;
using System.Net.Sockets;
using HostOps.Cli.Tests.Commands.Client;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands;

public sealed class NatsServerStartCommandTests
{
    [Fact]
    public async Task A_port_held_by_another_process_exits_2_naming_the_setting_and_starts_nothing()
    {
        using var foreign = new TcpListener(IPAddress.Loopback, 0);
        foreign.Start();
        var port = ((IPEndPoint)foreign.LocalEndpoint).Port;
        using var cli = new CliRun(new StubApi(), ("NATS:SERVER:PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var code = await cli.RunAsync("nats", "server", "start");

        code.ShouldBe(2);
        cli.Error.ToString().ShouldBe($"hostops: nats.server.port {port} is in use by another process\n");
        File.Exists(Path.Combine(cli.Directory, ".hostops", "nats-server.pid")).ShouldBeFalse();
    }
}
