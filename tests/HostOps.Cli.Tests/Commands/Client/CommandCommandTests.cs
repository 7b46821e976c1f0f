using System.Net;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

/// <summary><c>hostops client command exec [options] -- ARGV…</c>.</summary>
public sealed class CommandCommandTests
{
    private const string Answer = """{"results":[{"hostname":"web1","status":"ok","changed":true,"exit_code":0,"stdout":"hi\n","stderr":"","stdout_truncated":false,"stderr_truncated":false,"duration_ms":3,"timed_out":false}]}""";

    [Fact]
    public async Task Words_after_the_double_dash_are_the_argv()
    {
        var api = new StubApi().On("POST /command/exec", HttpStatusCode.OK, Answer);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync("client", "command", "exec", "--", "/bin/echo", "hi");

        code.ShouldBe(0, cli.Error.ToString());
        var body = Body(api);
        body.GetProperty("argv").EnumerateArray().Select(a => a.GetString()).ShouldBe(["/bin/echo", "hi"]);
        body.TryGetProperty("cwd", out _).ShouldBeFalse();
        body.TryGetProperty("timeout", out _).ShouldBeFalse();
        cli.Output.ToString().ShouldContain("web1");
    }

    [Fact]
    public async Task Options_before_the_double_dash_and_option_like_words_after_it()
    {
        var api = new StubApi().On("POST /command/exec?target_hostname=web1", HttpStatusCode.OK, Answer);
        using var cli = new CliRun(api);

        var code = await cli.RunAsync(
            "client", "command", "exec", "-t", "web1", "--cwd", "/tmp", "--env", "LANG=C", "--env", "MODE=a=b", "--timeout", "5", "--dry-run",
            "--", "/bin/sh", "-c", "exit 3", "--timeout", "--");

        code.ShouldBe(0, cli.Error.ToString());
        var body = Body(api);
        body.GetProperty("argv").EnumerateArray().Select(a => a.GetString()).ShouldBe(["/bin/sh", "-c", "exit 3", "--timeout", "--"]);
        body.GetProperty("cwd").GetString().ShouldBe("/tmp");
        body.GetProperty("env").GetProperty("LANG").GetString().ShouldBe("C");
        body.GetProperty("env").GetProperty("MODE").GetString().ShouldBe("a=b");
        body.GetProperty("timeout").GetInt32().ShouldBe(5);
        body.GetProperty("dry_run").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("argv[0]: 'bin/echo' is neither an absolute path nor a bare program name", "--", "bin/echo")]
    [InlineData("--env: '1X' is not a variable name (A-Z a-z 0-9 _, not starting with a digit)", "--env", "1X=y", "--", "/bin/echo")]
    [InlineData("--env: 'novalue' is not KEY=VALUE", "--env", "novalue", "--", "/bin/echo")]
    [InlineData("--timeout: 301 is out of range (1-300 seconds)", "--timeout", "301", "--", "/bin/echo")]
    [InlineData("--cwd: 'tmp' is not an absolute path", "--cwd", "tmp", "--", "/bin/echo")]
    public async Task A_bad_value_exits_2_with_the_usage_line_and_sends_nothing(string message, params string[] words)
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync(["client", "command", "exec", .. words])).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
        cli.Error.ToString().ShouldBe($"hostops: {message}\nUsage: hostops client command exec <ARGV> [options] (see --help)\n");
    }

    [Fact]
    public async Task No_program_is_a_usage_error()
    {
        var api = new StubApi();
        using var cli = new CliRun(api);

        (await cli.RunAsync("client", "command", "exec", "--timeout", "5")).ShouldBe(2);

        api.Requests.ShouldBeEmpty();
    }

    private static JsonElement Body(StubApi api) => JsonDocument.Parse(api.Requests.ShouldHaveSingleItem().Body!).RootElement;
}
