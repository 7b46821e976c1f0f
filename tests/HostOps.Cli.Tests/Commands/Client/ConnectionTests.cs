using HostOps.Cli.Commands;
using HostOps.Testing.Nats;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

public sealed class ConnectionTests
{
    [Fact]
    public async Task An_api_nobody_listens_on_gives_one_line_naming_the_url_and_exit_1()
    {
        var port = NatsServerProcess.FreeTcpPort();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var dir = new TempDirectory();

        var code = await CliApp.RunAsync(
            ServerCli.CreateRoot(new CliServices(WorkingDirectory: dir.Path)),
            ["client", "system", "status", "--url", $"http://127.0.0.1:{port}"],
            output,
            error,
            TestContext.Current.CancellationToken);

        code.ShouldBe(1);
        error.ToString().ShouldBe($"hostops: cannot reach API at http://127.0.0.1:{port} (connection refused or unreachable)\n");
    }
}
