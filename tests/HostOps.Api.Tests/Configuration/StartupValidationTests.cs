using HostOps.Api.Tests.Infrastructure;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Tests.Configuration;

public sealed class StartupValidationTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    [Theory]
    [InlineData("short-key", "api.server.security.signing_key: 9 bytes is too short (needs at least 32 bytes)")]
    [InlineData("", "api.server.security.signing_key: not set (needs at least 32 bytes)")]
    public void The_server_refuses_to_start_with_a_short_signing_key(string key, string message)
    {
        using var factory = new ApiFactory(nats.Url, new Dictionary<string, string?> { ["api:server:security:signing_key"] = key });
        var error = Should.Throw<OptionsValidationException>(() => factory.CreateClient());
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void A_bad_port_is_refused_naming_the_key()
    {
        using var factory = new ApiFactory(nats.Url, new Dictionary<string, string?> { ["api:server:port"] = "eighty" });
        Should.Throw<InvalidOperationException>(() => factory.CreateClient()).Message.ShouldBe("api.server.port: 'eighty' is not a TCP port (0-65535)");
    }

    [Fact]
    public void A_bad_throttle_limit_is_refused_naming_the_key()
    {
        using var factory = new ApiFactory(nats.Url, new Dictionary<string, string?> { ["api:server:security:auth_throttle:max_failures"] = "0" });
        Should.Throw<OptionsValidationException>(() => factory.CreateClient()).Message.ShouldBe("api.server.security.auth_throttle.max_failures: must be at least 1");
    }

    [Theory]
    [InlineData("max_bytes", "0", "api.audit.max_bytes: must be greater than zero")]
    [InlineData("queue", "0", "api.audit.queue: must be at least 1")]
    public void A_bad_audit_limit_is_refused_naming_the_key(string key, string value, string message)
    {
        using var factory = new ApiFactory(nats.Url, new Dictionary<string, string?> { [$"api:audit:{key}"] = value });
        Should.Throw<OptionsValidationException>(() => factory.CreateClient()).Message.ShouldBe(message);
    }
}
