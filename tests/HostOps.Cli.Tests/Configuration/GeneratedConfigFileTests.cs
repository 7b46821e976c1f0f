using HostOps.Cli.Configuration;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Configuration;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GeneratedConfigFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void The_file_is_created_private_to_its_owner_and_read_back_by_the_loader()
    {
        var file = new GeneratedConfigFile(Path.Combine(_dir.Path, ".hostops", "hostops.yaml"));

        file.Set(("api:server:security:signing_key", "k: with \"quotes\" and # hash"), ("api:client:url", "http://127.0.0.1:1"));

        File.GetUnixFileMode(file.Path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var settings = HostOpsSettings.Bind(ConfigurationLoader.Load(null, _dir.Path, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource()));
        settings.ApiServer.Security.SigningKey.ShouldBe("k: with \"quotes\" and # hash");
        settings.ApiClient.Url.ShouldBe("http://127.0.0.1:1");
    }

    [Fact]
    public void Setting_a_key_keeps_what_a_user_wrote_in_the_file()
    {
        var path = _dir.Write("hostops.yaml", "nats:\n  url: nats://10.1.1.1:4222\napi:\n  server:\n    port: 9000\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        new GeneratedConfigFile(path).Set(("api:client:token", "abc"));

        var settings = HostOpsSettings.Bind(ConfigurationLoader.Load(path, _dir.Path, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource()));
        settings.Nats.Url.ShouldBe("nats://10.1.1.1:4222");
        settings.ApiServer.Port.ShouldBe(9000);
        settings.ApiClient.Token.ShouldBe("abc");
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void The_signing_key_is_generated_once_and_kept_on_later_starts()
    {
        var loaded = ConfigurationLoader.Load(null, _dir.Path, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource());

        StartupSecrets.EnsureSigningKey(loaded).ShouldBeTrue();
        var reloaded = ConfigurationLoader.Load(null, _dir.Path, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource());
        var key = reloaded.Configuration[StartupSecrets.SigningKeyKey].ShouldNotBeNull();
        Convert.FromBase64String(key).Length.ShouldBe(48);

        StartupSecrets.EnsureSigningKey(reloaded).ShouldBeFalse();
        ConfigurationLoader.Load(null, _dir.Path, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource())
            .Configuration[StartupSecrets.SigningKeyKey].ShouldBe(key);
    }

    public void Dispose() => _dir.Dispose();
}
