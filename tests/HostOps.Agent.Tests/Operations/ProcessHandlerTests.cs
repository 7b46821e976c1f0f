using System.Diagnostics;
using System.Text.Json;
using HostOps.Agent.Operations;
using HostOps.Providers;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

public sealed class ProcessHandlerTests
{
    private static readonly long Page = Environment.SystemPageSize;

    [Fact]
    public async Task List_answers_the_processes_sorted_and_cut_with_the_total()
    {
        using var machine = new TempMachine().WithProcesses();
        using var host = new HandlerHost(machine.Root);

        var json = await host.RunAsync("process.list.get", """{"sort":"cpu","limit":2}""");

        json.ShouldBe(
            """{"hostname":"agent-1","status":"ok","changed":false,"processes":[""" +
            $$"""{"pid":4242,"ppid":1,"user":"alice","command":"python3 -m http.server --bind 127.0.0.1","state":"running","cpu_percent":12,"rss_bytes":{{25600 * Page}},"start_time":"2023-11-14T23:36:40+00:00"},""" +
            $$"""{"pid":1,"ppid":0,"user":"root","command":"/sbin/init splash","state":"sleeping","cpu_percent":3.9,"rss_bytes":{{3273 * Page}},"start_time":"2023-11-14T22:13:20+00:00"}""" +
            """],"total":4}""");
    }

    [Fact]
    public async Task List_without_input_takes_the_defaults()
    {
        using var machine = new TempMachine().WithProcesses();
        using var host = new HandlerHost(machine.Root);

        var item = JsonDocument.Parse(await host.RunAsync("process.list.get", "{}")).RootElement;

        item.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("pid").GetInt32()).ShouldBe([4242, 1, 2, 5000]);
        item.GetProperty("total").GetInt32().ShouldBe(4);
    }

    [Theory]
    [InlineData("""{"sort":"size"}""", "sort: 'size' is not one of cpu, rss, pid, start")]
    [InlineData("""{"limit":0}""", "limit: 0 is out of range (1-1000)")]
    [InlineData("""{"limit":1001}""", "limit: 1001 is out of range (1-1000)")]
    [InlineData("""{"user":"a b"}""", "user: 'a b' is not a user name or uid")]
    [InlineData("""{"name":""}""", "name: must be 1-64 printable characters")]
    [InlineData("""{"limit":"ten"}""", "data.limit: has the wrong type")]
    public async Task List_refuses_bad_input_naming_the_field(string data, string error)
    {
        using var machine = new TempMachine().WithProcesses();
        using var host = new HandlerHost(machine.Root);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("process.list.get", data))).Message.ShouldContain(error);
    }

    [Fact]
    public async Task Detail_answers_one_process_with_threads_and_argv()
    {
        using var machine = new TempMachine().WithProcesses();
        using var host = new HandlerHost(machine.Root);

        var json = await host.RunAsync("process.detail.get", """{"pid":4242}""");

        json.ShouldBe(
            """{"hostname":"agent-1","status":"ok","changed":false,"pid":4242,"ppid":1,"user":"alice","command":"python3 -m http.server --bind 127.0.0.1",""" +
            $$"""
            "state":"running","cpu_percent":12,"rss_bytes":{{25600 * Page}},"start_time":"2023-11-14T23:36:40+00:00","threads":4,"argv":["python3","-m","http.server","--bind","127.0.0.1"]}
            """);
    }

    [Fact]
    public async Task Detail_of_a_pid_the_host_does_not_have_fails_with_the_reason()
    {
        using var machine = new TempMachine().WithProcesses();
        using var host = new HandlerHost(machine.Root);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("process.detail.get", """{"pid":31337}""")))
            .Message.ShouldBe("no process with pid 31337");
    }

    [Fact]
    public async Task Signal_sends_term_to_a_real_child_which_exits()
    {
        using var child = Sleep();
        try
        {
            using var host = new HandlerHost(HostRoot.Default);

            var json = await host.RunAsync("process.signal.do", $$"""{"pid":{{child.Id}},"signal":"sigterm"}""");

            json.ShouldBe($$"""{"hostname":"agent-1","status":"ok","changed":true,"pid":{{child.Id}},"signal":"TERM"}""");
            child.WaitForExit(TimeSpan.FromSeconds(10)).ShouldBeTrue();
            child.ExitCode.ShouldBe(128 + 15);
        }
        finally
        {
            Stop(child);
        }
    }

    [Fact]
    public async Task Signal_dry_run_says_it_would_change_and_sends_nothing()
    {
        using var child = Sleep();
        try
        {
            using var host = new HandlerHost(HostRoot.Default);

            var json = await host.RunAsync("process.signal.do", $$"""{"pid":{{child.Id}},"signal":"KILL","dry_run":true}""");

            json.ShouldBe($$"""{"hostname":"agent-1","status":"ok","changed":true,"pid":{{child.Id}},"signal":"KILL"}""");
            child.WaitForExit(TimeSpan.FromMilliseconds(300)).ShouldBeFalse();
        }
        finally
        {
            Stop(child);
        }
    }

    [Fact]
    public async Task Signal_without_permission_fails_and_sends_nothing()
    {
        using var child = Sleep();
        try
        {
            using var host = new HandlerHost(HostRoot.Default, hostChangesAllowed: false);

            (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("process.signal.do", $$"""{"pid":{{child.Id}},"signal":"TERM"}""")))
                .Message.ShouldStartWith($"sending SIGTERM to pid {child.Id} refused: host changes are disabled on this agent");
            child.WaitForExit(TimeSpan.FromMilliseconds(300)).ShouldBeFalse();
        }
        finally
        {
            Stop(child);
        }
    }

    [Theory]
    [InlineData("""{"pid":1,"signal":"TERM"}""", "pid: 1 is init; signalling it is refused")]
    [InlineData("""{"pid":-1,"signal":"TERM"}""", "pid: -1 is not a process id (1-4194304)")]
    [InlineData("""{"pid":4242,"signal":"9"}""", "signal: '9' is not one of TERM, KILL, HUP, INT, QUIT, USR1, USR2, STOP, CONT")]
    [InlineData("""{"pid":4242}""", "signal: is required")]
    public async Task Signal_refuses_bad_input_before_anything(string data, string error)
    {
        using var machine = new TempMachine().WithProcesses();
        using var host = new HandlerHost(machine.Root);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("process.signal.do", data))).Message.ShouldContain(error);
    }

    [Fact]
    public async Task Signal_refuses_the_agents_own_pid()
    {
        using var host = new HandlerHost(HostRoot.Default);

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("process.signal.do", $$"""{"pid":{{Environment.ProcessId}},"signal":"KILL"}""")))
            .Message.ShouldBe($"pid: {Environment.ProcessId} is this agent's own process; signalling it is refused");
    }

    private static Process Sleep() => Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;

    private static void Stop(Process child)
    {
        if (!child.HasExited)
        {
            child.Kill();
            child.WaitForExit();
        }
    }
}
