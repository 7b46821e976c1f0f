using HostOps.Cli.Hosting;
using HostOps.Cli.Tests.Commands.Client;
using HostOps.Contracts.Agents;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands;

/// <summary>The input checks of <c>agent install</c> and <c>uninstall</c>: nothing is written for bad input.</summary>
public sealed class AgentInstallCommandTests
{
    // Well-formed, for an API nobody listens on: these tests end before any enrollment.
    private static readonly string Token = new JoinToken(["http://127.0.0.1:9"], ["nats://127.0.0.1:9"], null, "secret").Encode();

    [Fact]
    public async Task A_token_that_is_not_a_join_token_exits_2_with_a_usage_line_and_writes_no_configuration()
    {
        using var cli = new CliRun(new StubApi());
        var config = Path.Combine(cli.Directory, "etc", "agent.yaml");

        var code = await cli.RunAsync("agent", "install", "--join", "eyJhbGciOi.not-a-join-token", "--config", config, "--data-dir", Path.Combine(cli.Directory, "state"));

        code.ShouldBe(2);
        cli.Error.ToString().ShouldBe(
            "hostops: --join: not a join token (make one with hostops token generate --join)\nUsage: hostops agent install [options] (see --help)\n");
        File.Exists(config).ShouldBeFalse();
        Directory.Exists(Path.Combine(cli.Directory, "state")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_label_without_a_value_exits_2_naming_it()
    {
        using var cli = new CliRun(new StubApi());

        var code = await cli.RunAsync("agent", "install", "--join", Token, "--label", "group", "--config", Path.Combine(cli.Directory, "agent.yaml"));

        code.ShouldBe(2);
        cli.Error.ToString().ShouldStartWith("hostops: --label: 'group' is not KEY=VALUE\n");
    }

    [Fact]
    public async Task Install_never_replaces_a_configuration_file_it_did_not_write()
    {
        using var cli = new CliRun(new StubApi());
        var config = cli.WriteFile("agent.yaml", "data_dir: /srv/mine\n");

        var code = await cli.RunAsync("agent", "install", "--join", Token, "--config", config, "--data-dir", Path.Combine(cli.Directory, "state"));

        code.ShouldBe(2);
        cli.Error.ToString().ShouldContain($"--config: {config} exists and was not written by hostops-agent install");
        (await File.ReadAllTextAsync(config, TestContext.Current.CancellationToken)).ShouldBe("data_dir: /srv/mine\n");
    }

    [Fact]
    public async Task Uninstall_without_an_installed_configuration_says_there_is_nothing_to_remove()
    {
        using var cli = new CliRun(new StubApi());

        var code = await cli.RunAsync("agent", "uninstall", "--config", Path.Combine(cli.Directory, "agent.yaml"));

        code.ShouldBe(0);
        cli.Output.ToString().ShouldContain("Nothing to uninstall");
    }

    [Fact]
    public void The_unit_install_writes_runs_this_executable_with_the_chosen_configuration_and_is_marked_as_its_own()
    {
        var unit = AgentInstallation.UnitText("/opt/hostops/hostops agent start", "/srv/hostops/agent.yaml");

        unit.Split('\n')[0].ShouldStartWith(AgentInstallation.Mark);
        unit.Split('\n').ShouldContain("ExecStart=/opt/hostops/hostops agent start --config /srv/hostops/agent.yaml");
        unit.ShouldContain("Type=notify");
        unit.ShouldNotContain("/usr/bin/hostops-agent");
    }
}
