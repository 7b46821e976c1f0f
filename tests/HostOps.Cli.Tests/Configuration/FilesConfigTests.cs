using HostOps.Agent;
using HostOps.Cli.Configuration;
using Microsoft.Extensions.Configuration;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Configuration;

/// <summary><c>job.worker.files.allow</c> and <c>job.files</c>: bound, checked at start, handed to the agent.</summary>
public sealed class FilesConfigTests
{
    [Fact]
    public void Unset_keeps_the_default_directories()
    {
        var policy = AgentServiceCollectionExtensions.FilePolicyOf(Validate().Job.Worker.Files);

        policy.Allow.ShouldBe(["/etc", "/opt", "/srv", "/var/lib/hostops"]);
        policy.Allows("/etc/motd").ShouldBeTrue();
        policy.Allows("/root/.ssh/authorized_keys").ShouldBeFalse();
    }

    [Fact]
    public void A_list_replaces_the_default_and_a_trailing_slash_is_taken()
    {
        var settings = Validate(("job:worker:files:allow:0", "/srv/www/"), ("job:worker:files:allow:1", "/etc/nginx"));

        var policy = AgentServiceCollectionExtensions.FilePolicyOf(settings.Job.Worker.Files);
        policy.Allows("/srv/www/index.html").ShouldBeTrue();
        policy.Allows("/etc/nginx/nginx.conf").ShouldBeTrue();
        policy.Allows("/etc/motd").ShouldBeFalse();
    }

    [Fact]
    public void Slash_allows_every_path() =>
        AgentServiceCollectionExtensions.FilePolicyOf(Validate(("job:worker:files:allow:0", "/")).Job.Worker.Files).Allows("/root/notes").ShouldBeTrue();

    [Theory]
    [InlineData("job:worker:files:allow:0", "etc", "config job.worker.files.allow.0: 'etc' is not an absolute directory (like /etc or /srv/www, or / for every path; no . or .. parts)")]
    [InlineData("job:worker:files:allow:1", "/srv/../root", "config job.worker.files.allow.1: '/srv/../root' is not an absolute directory (like /etc or /srv/www, or / for every path; no . or .. parts)")]
    [InlineData("job:files:replicas", "0", "config job.files.replicas: 0 must be at least 1")]
    [InlineData("job:files:storage", "disk", "config job.files.storage: 'disk' is not a storage kind (file or memory)")]
    public void A_bad_value_stops_the_agent_naming_the_key(string key, string value, string message) =>
        Should.Throw<ConfigException>(() => Validate(("job:worker:files:allow:0", "/etc"), (key, value))).Message.ShouldBe(message);

    private static HostOpsSettings Validate(params (string Key, string Value)[] values)
    {
        var data = new Dictionary<string, string?>();
        foreach (var (key, value) in values)
        {
            data[key] = value; // a later value of a key replaces an earlier one
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        return HostOpsSettings.BindAndValidate(new LoadedConfiguration(configuration, "/tmp/hostops-test", null), StartingComponents.Agent);
    }
}
