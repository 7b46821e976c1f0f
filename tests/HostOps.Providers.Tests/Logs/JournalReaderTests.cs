using System.Text;
using HostOps.Contracts.Operations.Logs;
using HostOps.Providers.Commands;
using HostOps.Providers.Logs;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Logs;

public sealed class JournalReaderTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_a_real_journal_keeping_the_newest_entries_and_decoding_byte_messages()
    {
        using var machine = WithJournal();
        var runner = new FakeCommandRunner().Answer("journalctl --output=json --no-pager --quiet -n 9", Capture("last9.json"));

        var read = await new JournalReader(machine.Root, runner).ReadAsync(new LogQueryRequest { Lines = 8 }, Ct);

        read.Truncated.ShouldBeTrue(); // nine came back for eight asked: there are older ones
        read.Entries.Count.ShouldBe(8);
        read.Entries[0].Message.ShouldBe("Journal started"); // the kernel's older entry is left out
        read.Entries[^1].Message.ShouldBe("line two"); // a multi-line write is one entry per line
        read.Entries.Single(e => e.Identifier == "colorful").ShouldBe(new LogEntry
        {
            Time = DateTimeOffset.FromUnixTimeMilliseconds(1796026603868).AddTicks(3150),
            Identifier = "colorful",
            Priority = 3,
            Message = "color \u001b[31mred\u001b[0m output",
            Pid = 21386,
        });
        read.Entries.Single(e => e.Identifier == "sshd").ShouldBe(new LogEntry
        {
            Time = DateTimeOffset.FromUnixTimeMilliseconds(1796026613100).AddTicks(8360),
            Identifier = "sshd",
            Priority = 5,
            Message = "Accepted publickey for deploy from 10.0.0.7 port 52144",
            Pid = 21501,
        });
    }

    [Fact]
    public async Task Fewer_entries_than_asked_are_not_truncated_and_a_units_entries_name_it()
    {
        using var machine = WithJournal();
        var runner = new FakeCommandRunner().Answer("journalctl --output=json --no-pager --quiet -n 101 --unit=nginx", Capture("units.json"));

        var read = await new JournalReader(machine.Root, runner).ReadAsync(new LogQueryRequest { Unit = "nginx" }, Ct);

        read.Truncated.ShouldBeFalse();
        read.Entries.Select(e => e.Unit).ShouldBe(["nginx.service", "init.scope"]);
        read.Entries[0].Message.ShouldBe("2026/11/30 08:20:11 [emerg] 4242#4242: bind() to 0.0.0.0:80 failed (98: Address already in use)");
        read.Entries[1].Message.ShouldBe("Failed to start nginx.service - A high performance web server and a reverse proxy server.\nFailed"); // a field given twice
    }

    [Fact]
    public async Task Every_filter_is_one_argument_of_its_own()
    {
        using var machine = WithJournal();
        var runner = new FakeCommandRunner();

        await new JournalReader(machine.Root, runner).ReadAsync(
            new LogQueryRequest { Unit = "ssh.socket", Since = "-1h", Until = "2026-11-30 09:00", Priority = "err", Grep = "timed out; rm -rf /", Lines = 20 }, Ct);

        runner.Calls.ShouldHaveSingleItem().Arguments.ShouldBe([
            "--output=json", "--no-pager", "--quiet", "-n", "21", "--unit=ssh.socket", "--since=-1h", "--until=2026-11-30 09:00", "--priority=err", "--grep=timed out; rm -rf /"]);
    }

    [Fact]
    public async Task A_grep_that_matches_nothing_is_no_entries()
    {
        using var machine = WithJournal();
        var runner = new FakeCommandRunner().Answer(
            "journalctl --output=json --no-pager --quiet -n 101 --grep=nothingmatches", new CommandResult(1, "", "")); // as journalctl 252 answers it

        var read = await new JournalReader(machine.Root, runner).ReadAsync(new LogQueryRequest { Grep = "nothingmatches" }, Ct);

        read.Entries.ShouldBeEmpty();
        read.Truncated.ShouldBeFalse();
    }

    [Fact]
    public async Task A_failing_journalctl_fails_with_its_reason()
    {
        using var machine = WithJournal();
        var runner = new FakeCommandRunner().Answer(
            "journalctl --output=json --no-pager --quiet -n 101 --grep=(", new CommandResult(1, "", "Bad pattern \"(\": missing closing parenthesis\n"));

        (await Should.ThrowAsync<HostProviderException>(() => new JournalReader(machine.Root, runner).ReadAsync(new LogQueryRequest { Grep = "(" }, Ct)))
            .Message.ShouldBe("journalctl failed: Bad pattern \"(\": missing closing parenthesis");
    }

    [Fact]
    public async Task Without_journal_files_or_journalctl_the_host_is_refused_with_the_reason()
    {
        using var empty = new TempMachine().CreateDirectory("/var/log/journal");
        var runner = new FakeCommandRunner();
        (await Should.ThrowAsync<HostProviderException>(() => new JournalReader(empty.Root, runner).ReadAsync(new LogQueryRequest(), Ct)))
            .Message.ShouldBe("journald is not available on this host: no journal files in /run/log/journal or /var/log/journal");
        runner.Calls.ShouldBeEmpty();

        using var machine = WithJournal();
        var missing = new FakeCommandRunner().Missing("journalctl --output=json --no-pager --quiet -n 101");
        (await Should.ThrowAsync<HostProviderException>(() => new JournalReader(machine.Root, missing).ReadAsync(new LogQueryRequest(), Ct)))
            .Message.ShouldBe("journald is not available on this host: cannot run journalctl: No such file or directory");
    }

    [Theory]
    [InlineData("yesterday; reboot", null, null, "since: 'yesterday; reboot' is not a journalctl time")]
    [InlineData(null, "loud", null, "priority: 'loud' is not a priority")]
    [InlineData(null, null, 1001, "lines: 1001 is out of range (1-1000)")]
    public async Task Bad_filters_never_reach_journalctl(string? since, string? priority, int? lines, string error)
    {
        using var machine = WithJournal();
        var runner = new FakeCommandRunner();

        (await Should.ThrowAsync<HostProviderException>(() => new JournalReader(machine.Root, runner).ReadAsync(
            new LogQueryRequest { Since = since, Priority = priority, Lines = lines }, Ct))).Message.ShouldStartWith(error);
        runner.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_answer_keeps_the_newest_entries_that_fit_its_size_limit()
    {
        using var machine = WithJournal();
        var message = new string('x', 4000);
        var output = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            output.Append($$"""{"__REALTIME_TIMESTAMP":"{{1796026603868315 + i}}","PRIORITY":"6","MESSAGE":"{{message}}","_PID":"{{i + 1}}"}""").Append('\n');
        }

        var runner = new FakeCommandRunner().Answer("journalctl --output=json --no-pager --quiet -n 501", output.ToString());

        var read = await new JournalReader(machine.Root, runner).ReadAsync(new LogQueryRequest { Lines = 500 }, Ct);

        read.Truncated.ShouldBeTrue();
        read.Entries.Count.ShouldBe(JournalReader.MaxMessageBytes / 4000);
        read.Entries[^1].Pid.ShouldBe(500);
    }

    [Fact]
    public async Task On_this_machine_the_journal_is_read_for_real_or_refused_with_the_reason()
    {
        var reader = new JournalReader(HostRoot.Default, new ProcessCommandRunner(NullLogger<ProcessCommandRunner>.Instance));
        try
        {
            var read = await reader.ReadAsync(new LogQueryRequest { Lines = 5 }, Ct);
            read.Entries.Count.ShouldBeLessThanOrEqualTo(5);
        }
        catch (HostProviderException e)
        {
            e.Message.ShouldStartWith("journald is not available on this host: ");
        }
    }

    private static string Capture(string file) => FixtureMachine.ReadText("debian12", "journalctl/" + file);

    // A machine whose journald keeps a runtime journal.
    private static TempMachine WithJournal() => new TempMachine().Write("/run/log/journal/3d1219c7c4c5404aaa1f6d2a48adfda4/system.journal", "");
}
