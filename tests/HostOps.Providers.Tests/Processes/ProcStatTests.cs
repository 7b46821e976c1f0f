using HostOps.Providers.Processes;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Processes;

public sealed class ProcStatTests
{
    private const string Tail = " 0 0 0 0 -1 4194304 96 0 0 0 50 10 0 0 20 0 4 0 500000 3133440 25600 18446744073709551615 0 0";

    [Theory]
    [InlineData("my (weird) name")]
    [InlineData("a) R 9 9 (b")]
    [InlineData("with space")]
    [InlineData(")")]
    [InlineData("")]
    public void The_name_runs_to_the_last_parenthesis_whatever_it_holds(string comm)
    {
        var stat = ProcStat.Parse($"4242 ({comm}) R" + Tail).ShouldNotBeNull();

        stat.ShouldBe(new ProcStat(4242, comm, 'R', 0, 50, 10, 4, 500000, 25600));
    }

    [Fact]
    public void A_real_line_of_this_machine_parses_as_itself()
    {
        var line = File.ReadAllText("/proc/self/stat").TrimEnd('\n');

        var stat = ProcStat.Parse(line).ShouldNotBeNull();

        stat.Pid.ShouldBe(Environment.ProcessId);
        stat.Threads.ShouldBeGreaterThan(1);
        stat.RssPages.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4242 (x)")]
    [InlineData("4242 x R 1")]
    [InlineData("pid (x) R 1 0 0 0 -1 0 0 0 0 0 50 10 0 0 20 0 4 0 500000 0 1")]
    [InlineData("4242 (x) R one 0 0 0 -1 0 0 0 0 0 50 10 0 0 20 0 4 0 500000 0 1")]
    [InlineData("4242 (x) R 1 0 0 0 -1 0 0 0 0 0 50 10 0 0 20 0 4 0")]
    public void Anything_else_is_not_a_stat_line(string line) => ProcStat.Parse(line).ShouldBeNull();
}
