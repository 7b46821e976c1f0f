using HostOps.Testing.Nats;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HostOps.Api.Tests.Infrastructure;

/// <summary>
/// The API on a test server, configured like production through <see cref="ApiServer.CreateBuilder"/>, against a
/// real nats-server, with job resources of its own (unique names) so factories never see each other's jobs.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<ApiFactory>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection, IConfiguration>? _configureServices;

    public ApiFactory(string natsUrl, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection, IConfiguration>? configureServices = null)
    {
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["api:server:security:signing_key"] = TestTokens.SigningKey,
            // The auth matrix fails on purpose many times from one address; throttling has its own tests.
            ["api:server:security:auth_throttle:max_failures"] = "1000000",
            ["api:server:job_timeout"] = "5s",
            ["nats:url"] = natsUrl,
            ["job:stream:name"] = NatsFixture.UniqueName("JOBS"),
            ["job:stream:storage"] = "memory",
            ["job:dlq:name"] = NatsFixture.UniqueName("JOBS-DLQ"),
            ["job:dlq:storage"] = "memory",
            ["job:kv:bucket"] = NatsFixture.UniqueName("job-queue"),
            ["job:kv:response_bucket"] = NatsFixture.UniqueName("job-responses"),
            ["job:kv:storage"] = "memory",
            ["job:registry:bucket"] = NatsFixture.UniqueName("agent-registry"),
            ["job:registry:storage"] = "memory",
            ["job:worker:hostname"] = NatsFixture.UniqueName("test-agent"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _configureServices = configureServices;
    }

    public string Setting(string key) => _settings[key] ?? "";

    protected override IHostBuilder CreateHostBuilder()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var builder = ApiServer.CreateBuilder(configuration);
        _configureServices?.Invoke(builder.Services, builder.Configuration);
        return new ApiHostBuilder(builder);
    }
}
