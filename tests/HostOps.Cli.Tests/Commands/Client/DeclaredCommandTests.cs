using System.Net;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

/// <summary>The command a declaration gives, here <c>hostops client system hostname set</c>.</summary>
public sealed class DeclaredCommandTests
{
    private const string Answer = """{"results":[{"hostname":"web1","status":"ok","changed":true,"previous":"old","current":"web-01"}]}""";

    [Fact]
    public async Task Arguments_and_options_become_the_request_and_the_answer_a_table()
    {
        var api = new StubApi().On("PUT /system/hostname?target_hostname=old", HttpStatusCode.OK, Answer);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "system", "hostname", "set", "web-01", "--dry-run", "-t", "old");

        code.ShouldBe(0, cli.Error.ToString());
        api.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"name":"web-01","dry_run":true}""");
        cli.Output.ToString().ShouldContain("│ web1 │ ok     │ yes     │ old      │ web-01  │       │");
    }

    [Fact]
    public async Task Json_prints_the_body()
    {
        using var cli = new CliRun(new StubApi().On("PUT /system/hostname", HttpStatusCode.OK, Answer));

        (await cli.RunAsync("client", "system", "hostname", "set", "web-01", "--json")).ShouldBe(0);

        cli.Output.ToString().ShouldBe(Answer + "\n");
    }

    [Theory]
    [InlineData("-bad", "NAME: '-bad' is not a valid hostname")]
    [InlineData("a_b", "NAME: 'a_b' is not a valid hostname")]
    public async Task A_bad_value_exits_2_with_the_usage_line_and_sends_nothing(string name, string error)
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "system", "hostname", "set", "--", name);

        code.ShouldBe(2);
        cli.Error.ToString().ShouldContain(error);
        cli.Error.ToString().ShouldContain("Usage: hostops client system hostname set");
        api.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_reading_and_the_change_share_the_hostname_command()
    {
        using var cli = new CliRun(new StubApi());

        (await cli.RunAsync("client", "system", "hostname", "--help")).ShouldBe(0);

        cli.Output.ToString().ShouldContain("set");
        cli.Output.ToString().ShouldContain("Set the hostname of each targeted host");
    }
}
