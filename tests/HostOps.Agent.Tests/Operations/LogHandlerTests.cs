using HostOps.Agent.Operations;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

public sealed class LogHandlerTests : IDisposable
{
    private readonly TempMachine machine = new TempMachine().Write("/var/log/journal/3d1219c7c4c5404aaa1f6d2a48adfda4/system.journal", "");

    [Fact]
    public async Task Unit_reads_that_units_entries_with_the_other_filters()
    {
        using var host = new HandlerHost(machine.Root);
        host.Commands.Answer(
            "journalctl --output=json --no-pager --quiet -n 11 --unit=nginx --priority=3",
            FixtureMachine.ReadText("debian12", "journalctl/units.json"));

        var json = await host.RunAsync("log.unit.get", """{"name":"nginx","priority":"3","lines":10}""");

        json.ShouldBeJson("""
            {"hostname":"agent-1","status":"ok","changed":false,"truncated":false,"entries":[
              {"time":"2026-11-30T08:20:11+00:00","unit":"nginx.service","identifier":"nginx","priority":3,"message":"2026/11/30 08:20:11 [emerg] 4242#4242: bind() to 0.0.0.0:80 failed (98: Address already in use)","pid":4242},
              {"time":"2026-11-30T08:20:11.000016+00:00","unit":"init.scope","identifier":"systemd","priority":3,"message":"Failed to start nginx.service - A high performance web server and a reverse proxy server.\nFailed","pid":1}]}
            """);
    }

    [Fact]
    public async Task Query_with_no_filters_reads_the_newest_hundred()
    {
        using var host = new HandlerHost(machine.Root);

        var json = await host.RunAsync("log.query.get", "{}");

        json.ShouldBeJson("""{"hostname":"agent-1","status":"ok","changed":false,"entries":[],"truncated":false}""");
        host.Commands.Calls.ShouldHaveSingleItem().CommandLine.ShouldBe("journalctl --output=json --no-pager --quiet -n 101");
    }

    [Theory]
    [InlineData("log.query.get", """{"unit":"-x"}""", "data.unit: '-x' is not a valid unit name")]
    [InlineData("log.query.get", """{"until":"$(reboot)"}""", "data.until: '$(reboot)' is not a journalctl time")]
    [InlineData("log.query.get", """{"lines":0}""", "data.lines: 0 is out of range (1-1000)")]
    [InlineData("log.unit.get", """{"name":"ssh","priority":"8"}""", "data.priority: '8' is not a priority")]
    [InlineData("log.unit.get", """{"name":"ssh","grep":"a\nb"}""", "data.grep: must be 1-200 characters without control characters")]
    public async Task Bad_input_fails_naming_the_field_before_anything_runs(string type, string data, string error)
    {
        using var host = new HandlerHost(machine.Root);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(type, data))).Message.ShouldStartWith(error);
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_journal_the_job_fails_with_the_reason()
    {
        using var empty = new TempMachine();
        using var host = new HandlerHost(empty.Root);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("log.query.get", "{}")))
            .Message.ShouldStartWith("journald is not available on this host: ");
    }

    public void Dispose() => machine.Dispose();
}
