using HostOps.Cli.Commands;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands;

public sealed class CliAppTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task An_unknown_option_exits_2_with_the_usage_line()
    {
        var code = await Run("nats", "server", "start", "--bogus");

        code.ShouldBe(2);
        _error.ToString().ShouldContain("hostops: Unrecognized command or argument '--bogus'.");
        _error.ToString().ShouldContain("Usage: hostops nats server start [options] (see --help)");
    }

    [Fact]
    public async Task Help_of_a_command_ends_with_examples()
    {
        var code = await Run("start", "--help");

        code.ShouldBe(0);
        _output.ToString().ShouldContain("Examples:\n  hostops start\n");
    }

    [Fact]
    public async Task Invalid_configuration_exits_2_with_one_line_and_starts_nothing()
    {
        var config = _dir.Write("bad.yaml", $"data_dir: {_dir.Path}/data\napi: {{ server: {{ port: 70000 }} }}\n");

        var code = await Run("start", "--config", config);

        code.ShouldBe(2);
        _error.ToString().ShouldBe("hostops: config api.server.port: 70000 is out of range 1-65535\n");
        Directory.Exists(Path.Combine(_dir.Path, "data", "nats")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_bad_duration_in_the_agent_configuration_exits_2_naming_the_key()
    {
        var config = _dir.Write("bad.yaml", "job: { consumer: { ack_wait: forever } }\n");

        var code = await Run("agent", "start", "--config", config);

        code.ShouldBe(2);
        _error.ToString().ShouldStartWith("hostops: config job.consumer.ack_wait: 'forever' is not a duration");
    }

    [Theory]
    [InlineData("job: { worker: { labels: { web.dev: east } } }\n", "hostops: config job.worker.labels.web.dev: the label key must be")]
    [InlineData("job: { worker: { labels: { group: 'web.*' } } }\n", "hostops: config job.worker.labels.group: 'web.*' is not a label value")]
    [InlineData("job: { kv: { max_bytes: lots } }\n", "hostops: config job.kv.max_bytes: 'lots' is not a size")]
    public async Task A_bad_label_or_size_in_the_agent_configuration_exits_2_naming_the_key(string yaml, string message)
    {
        var config = _dir.Write("bad.yaml", yaml);

        var code = await Run("agent", "start", "--config", config);

        code.ShouldBe(2);
        _error.ToString().ShouldStartWith(message);
        _error.ToString().TrimEnd('\n').ShouldNotContain("\n");
    }

    [Theory]
    [InlineData("agent", "metrics: { listen: 'nowhere:abc' }\n", "hostops: config metrics.listen: 'nowhere:abc' has no TCP port 1-65535")]
    [InlineData("agent", "metrics: { listen: 'example.org:9465' }\n", "hostops: config metrics.listen: 'example.org:9465': 'example.org' is not an IP address")]
    [InlineData("start", "metrics: { listen: '70000' }\n", "hostops: config metrics.listen: '70000' has no TCP port 1-65535")]
    [InlineData("start", "telemetry: { otlp: { endpoint: 'collector:4317' } }\n", "hostops: config telemetry.otlp.endpoint: 'collector:4317' is not an http(s) URL")]
    public async Task A_bad_metrics_or_tracing_setting_exits_2_naming_the_key(string command, string yaml, string message)
    {
        var config = _dir.Write("bad.yaml", $"data_dir: {_dir.Path}/data\n" + yaml);

        var code = command == "agent" ? await Run("agent", "start", "--config", config) : await Run("start", "--config", config);

        code.ShouldBe(2);
        _error.ToString().ShouldStartWith(message);
        Directory.Exists(Path.Combine(_dir.Path, "data", "nats")).ShouldBeFalse();
    }

    public void Dispose()
    {
        _dir.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    private Task<int> Run(params string[] args) =>
        CliApp.RunAsync(ServerCli.CreateRoot(new CliServices(WorkingDirectory: _dir.Path)), args, _output, _error, TestContext.Current.CancellationToken);
}
