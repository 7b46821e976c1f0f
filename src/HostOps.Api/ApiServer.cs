using HostOps.Jobs;

namespace HostOps.Api;

/// <summary>
/// Builds the API web application. <c>hostops api server start</c> uses it alone; <c>hostops start</c> adds
/// the agent to the same builder before <see cref="Build"/>.
/// </summary>
public static class ApiServer
{
    public static WebApplicationBuilder CreateBuilder(IConfiguration configuration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddHostOpsJobs(builder.Configuration);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.MapGet("/health", () => TypedResults.Ok(new Contracts.Health.SimpleStatus("ok")));
        return app;
    }
}
