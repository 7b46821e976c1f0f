using HostOps.Cli.Tests.Commands.Client;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands;

public sealed class CompletionTests
{
    [Fact]
    public async Task The_bash_script_asks_hostops_through_the_suggest_directive()
    {
        using var cli = new CliRun(new StubApi());

        (await cli.RunAsync("completion", "bash")).ShouldBe(0);

        cli.Output.ToString().ShouldContain("[suggest:${#rest}]");
        cli.Output.ToString().ShouldContain("complete -o default -F _hostops_complete hostops ./hostops");
    }

    [Fact]
    public async Task The_suggest_directive_lists_the_subcommands_at_the_cursor()
    {
        using var cli = new CliRun(new StubApi());

        (await cli.RunAsync("[suggest:11]", "client job ")).ShouldBe(0);

        var suggestions = cli.Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        suggestions.ShouldContain("run");
        suggestions.ShouldContain("workers");
        suggestions.ShouldNotContain("health");
    }
}
