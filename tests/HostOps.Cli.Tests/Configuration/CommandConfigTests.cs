using HostOps.Agent;
using HostOps.Cli.Configuration;
using Microsoft.Extensions.Configuration;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Configuration;

/// <summary><c>job.worker.command.enabled</c> and <c>job.worker.command.allow</c>: bound, checked at start, handed to the agent.</summary>
public sealed class CommandConfigTests
{
    [Fact]
    public void Commands_are_off_by_default_with_an_empty_allow_list()
    {
        var policy = AgentServiceCollectionExtensions.CommandPolicyOf(Validate().Job.Worker.Command);

        policy.Enabled.ShouldBeFalse();
        policy.Allow.ShouldBeEmpty();
    }

    [Fact]
    public void Enabled_with_paths_and_globs_is_valid_and_reaches_the_agent()
    {
        var settings = Validate(("job:worker:command:enabled", "true"), ("job:worker:command:allow:0", "/usr/bin/*"), ("job:worker:command:allow:1", "/opt/app/bin/run"));

        var policy = AgentServiceCollectionExtensions.CommandPolicyOf(settings.Job.Worker.Command);
        policy.Enabled.ShouldBeTrue();
        policy.Allow.ShouldBe(["/usr/bin/*", "/opt/app/bin/run"]);
    }

    [Fact]
    public void Yaml_sets_both_keys()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("hostops.yaml", "job:\n  worker:\n    command: { enabled: true, allow: [/usr/bin/uptime, \"/usr/sbin/*\"] }\n");
        var configuration = new ConfigurationBuilder().AddYamlFile(file).Build();

        var settings = HostOpsSettings.Bind(new LoadedConfiguration(configuration, dir.Path, file));

        settings.Job.Worker.Command.Enabled.ShouldBeTrue();
        settings.Job.Worker.Command.Allow.ShouldBe(["/usr/bin/uptime", "/usr/sbin/*"]);
    }

    [Theory]
    [InlineData("job:worker:command:enabled", "maybe", "config job.worker.command.enabled: 'maybe' is not true or false")]
    [InlineData("job:worker:command:allow:0", "uptime", "config job.worker.command.allow.0: 'uptime' is not an absolute program path or glob (like /usr/bin/uptime or /usr/bin/*; no . or .. parts)")]
    [InlineData("job:worker:command:allow:0", "", "config job.worker.command.allow.0: '' is not an absolute program path or glob (like /usr/bin/uptime or /usr/bin/*; no . or .. parts)")]
    [InlineData("job:worker:command:allow:0", "/usr/bin/", "config job.worker.command.allow.0: '/usr/bin/' is not an absolute program path or glob (like /usr/bin/uptime or /usr/bin/*; no . or .. parts)")]
    [InlineData("job:worker:command:allow:0", "/usr/bin/../../tmp/*", "config job.worker.command.allow.0: '/usr/bin/../../tmp/*' is not an absolute program path or glob (like /usr/bin/uptime or /usr/bin/*; no . or .. parts)")]
    public void A_bad_value_stops_the_agent_naming_the_key(string key, string value, string message) =>
        Should.Throw<ConfigException>(() => Validate((key, value))).Message.ShouldBe(message);

    private static HostOpsSettings Validate(params (string Key, string Value)[] values)
    {
        var data = new Dictionary<string, string?>();
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        return HostOpsSettings.BindAndValidate(new LoadedConfiguration(configuration, "/tmp/hostops-test", null), StartingComponents.Agent);
    }
}
