using HostOps.Testing.Jobs;
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
    private readonly Action<IServiceCollection>? _configureServices;

    public ApiFactory(string natsUrl, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["api:server:security:signing_key"] = TestTokens.SigningKey,
            // The auth matrix fails on purpose many times from one address; throttling has its own tests.
            ["api:server:security:auth_throttle:max_failures"] = "1000000",
            ["api:server:job_timeout"] = "10s",
            ["Logging:LogLevel:Default"] = "Warning",
            ["job:worker:hostname"] = NatsFixture.UniqueName("test-agent"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        Configuration = TestJobConfiguration.Create(natsUrl, values);
        _configureServices = configureServices;
    }

    /// <summary>What the API is started with; an agent given the same configuration joins the same job system.</summary>
    public IConfiguration Configuration { get; }

    protected override IHostBuilder CreateHostBuilder()
    {
        var builder = ApiServer.CreateBuilder(Configuration);
        _configureServices?.Invoke(builder.Services);
        return new ApiHostBuilder(builder);
    }
}
