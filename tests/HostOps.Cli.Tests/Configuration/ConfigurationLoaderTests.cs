using HostOps.Cli.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Configuration;

public sealed class ConfigurationLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Without_any_file_the_data_dir_defaults_to_dot_hostops_under_the_working_directory()
    {
        var loaded = ConfigurationLoader.Load(null, _dir.Path, Environment());

        loaded.DataDir.ShouldBe(Path.Combine(_dir.Path, ".hostops"));
        loaded.FilePath.ShouldBeNull();
        loaded.GeneratedFilePath.ShouldBe(Path.Combine(_dir.Path, ".hostops", "hostops.yaml"));
    }

    [Fact]
    public void The_working_directory_file_is_read_with_snake_case_keys()
    {
        _dir.Write("hostops.yaml", "api:\n  server:\n    port: 18080\n    job_timeout: 5s\n");

        var settings = HostOpsSettings.Bind(ConfigurationLoader.Load(null, _dir.Path, Environment()));

        settings.ApiServer.Port.ShouldBe(18080);
        settings.ApiServer.JobTimeout.Value.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_config_option_wins_over_the_working_directory_file()
    {
        _dir.Write("hostops.yaml", "api: { server: { port: 1111 } }\n");
        var other = _dir.Write("elsewhere/custom.yaml", "api: { server: { port: 2222 } }\n");

        var loaded = ConfigurationLoader.Load(other, _dir.Path, Environment());

        loaded.FilePath.ShouldBe(other);
        HostOpsSettings.Bind(loaded).ApiServer.Port.ShouldBe(2222);
    }

    [Fact]
    public void The_installed_file_is_read_only_when_there_is_neither_a_config_option_nor_a_working_directory_file()
    {
        var installed = _dir.Write("etc/hostops.yaml", "data_dir: /var/lib/hostops\napi: { server: { port: 3333 } }\n");

        var alone = ConfigurationLoader.Load(null, _dir.Path, Environment(), installed);
        alone.FilePath.ShouldBe(installed);
        alone.DataDir.ShouldBe("/var/lib/hostops");
        HostOpsSettings.Bind(alone).ApiServer.Port.ShouldBe(3333);

        _dir.Write("hostops.yaml", "api: { server: { port: 1111 } }\n");
        ConfigurationLoader.Load(null, _dir.Path, Environment(), installed).FilePath.ShouldBe(Path.Combine(_dir.Path, "hostops.yaml"));
        ConfigurationLoader.Load(null, _dir.Path, Environment(), Path.Combine(_dir.Path, "etc", "absent.yaml")).FilePath.ShouldBe(Path.Combine(_dir.Path, "hostops.yaml"));
    }

    [Fact]
    public void A_missing_config_file_is_named()
    {
        var error = Should.Throw<ConfigException>(() => ConfigurationLoader.Load("nope.yaml", _dir.Path, Environment()));

        error.Message.ShouldBe("config file nope.yaml does not exist");
    }

    [Fact]
    public void The_data_dir_file_is_used_when_no_other_file_exists_and_stays_underneath_a_chosen_file()
    {
        _dir.Write(".hostops/hostops.yaml", "api: { server: { port: 3333, security: { signing_key: from-data-dir } } }\n");

        HostOpsSettings.Bind(ConfigurationLoader.Load(null, _dir.Path, Environment())).ApiServer.Port.ShouldBe(3333);

        _dir.Write("hostops.yaml", "api: { server: { port: 4444 } }\n");
        var layered = HostOpsSettings.Bind(ConfigurationLoader.Load(null, _dir.Path, Environment()));
        layered.ApiServer.Port.ShouldBe(4444);
        layered.ApiServer.Security.SigningKey.ShouldBe("from-data-dir");
    }

    [Fact]
    public void The_data_dir_comes_from_the_environment_and_its_file_is_read()
    {
        _dir.Write("state/hostops.yaml", "nats: { url: nats://10.0.0.1:4222 }\n");

        var loaded = ConfigurationLoader.Load(null, _dir.Path, Environment(("DATA_DIR", "state")));

        loaded.DataDir.ShouldBe(Path.Combine(_dir.Path, "state"));
        HostOpsSettings.Bind(loaded).Nats.Url.ShouldBe("nats://10.0.0.1:4222");
    }

    [Fact]
    public void Environment_variables_override_the_file()
    {
        _dir.Write("hostops.yaml", "job: { worker: { max_jobs: 3 } }\n");

        var loaded = ConfigurationLoader.Load(null, _dir.Path, Environment(("JOB:WORKER:MAX_JOBS", "7"), ("JOB:WORKER:LABELS:group", "web.dev")));

        var worker = HostOpsSettings.Bind(loaded).Job.Worker;
        worker.MaxJobs.ShouldBe(7);
        worker.Labels["group"].ShouldBe("web.dev");
    }

    [Fact]
    public void The_real_environment_source_uses_the_hostops_prefix_and_double_underscores()
    {
        var name = $"HOSTOPS_TEST{Guid.NewGuid():N}__INNER__VALUE";
        System.Environment.SetEnvironmentVariable(name, "42");
        try
        {
            var loaded = ConfigurationLoader.Load(null, _dir.Path);

            loaded.Configuration[name["HOSTOPS_".Length..].Replace("__", ":", StringComparison.Ordinal)].ShouldBe("42");
        }
        finally
        {
            System.Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Broken_yaml_is_reported_in_one_line()
    {
        _dir.Write("hostops.yaml", "api:\n  server: [unclosed\n");

        var error = Should.Throw<ConfigException>(() => ConfigurationLoader.Load(null, _dir.Path, Environment()));

        error.Message.ShouldStartWith("config file: ");
        error.Message.ShouldNotContain("\n");
    }

    public void Dispose() => _dir.Dispose();

    private static MemoryConfigurationSource Environment(params (string Key, string Value)[] values) =>
        new() { InitialData = values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)) };
}
