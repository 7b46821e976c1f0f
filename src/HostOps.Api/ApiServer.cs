using System.Globalization;
using System.Net;
using HostOps.Api.Audit;
using HostOps.Api.Configuration;
using HostOps.Api.Endpoints.Agents;
using HostOps.Api.Endpoints.Audit;
using HostOps.Api.Endpoints.Cluster;
using HostOps.Api.Endpoints.Files;
using HostOps.Api.Endpoints.Health;
using HostOps.Api.Endpoints.Jobs;
using HostOps.Api.Endpoints.Network;
using HostOps.Api.Endpoints.System;
using HostOps.Api.Errors;
using HostOps.Api.Health;
using HostOps.Api.Limits;
using HostOps.Api.Operations;
using HostOps.Api.Security;
using HostOps.Api.Telemetry;
using HostOps.Api.Tls;
using HostOps.Api.Ui;
using HostOps.Jobs;
using HostOps.Jobs.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace HostOps.Api;

/// <summary>
/// Builds the API web application. <c>hostops api server start</c> uses it alone; <c>hostops start</c> adds
/// the agent to the same builder before <see cref="Build"/>.
/// </summary>
public static class ApiServer
{
    /// <summary>
    /// A builder with the job system and the API's services, listening on <c>api:server:host</c>/<c>api:server:port</c>,
    /// over HTTPS when <c>api:server:tls:enabled</c> (with <c>cert_file</c>, <c>key_file</c>, <c>ca_file</c>).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(IConfiguration configuration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        var endpoint = ListenEndpoint(builder.Configuration);
        var tls = builder.Configuration.GetSection($"{ApiServerOptions.Section}:tls").Get<ApiTlsOptions>() ?? new ApiTlsOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(endpoint, listen =>
            {
                if (tls.Enabled)
                {
                    listen.UseHttps(ApiHttps.Options(tls));
                }
            });
            kestrel.Limits.MaxRequestBodySize = RequestBodyLimitMiddleware.MaxBytes;
        });
        builder.Services.AddHostOpsJobs(builder.Configuration);
        builder.Services.AddHostOpsApi(builder.Configuration);
        builder.Services.AddHostOpsTelemetry(builder.Configuration, "hostops-api", tracing: t => t.AddAspNetCoreInstrumentation());
        return builder;
    }

    /// <summary>The application with its middleware and every endpoint mapped.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.Services.GetRequiredService<ApiProcessInfo>(); // uptime counts from here
        app.Services.GetRequiredService<JobQueueGauges>(); // its gauges exist from the start

        app.UseMiddleware<RefusalMetricsMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ExceptionResponses.HandleAsync });
        app.UseStatusCodePages(StatusCodeResponses.HandleAsync);
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimitMiddleware>(); // after routing: an endpoint may carry its own limit
        if (app.Services.GetRequiredService<IOptions<ApiServerOptions>>().Value.Security.Cors.AllowOrigins.Count > 0)
        {
            app.UseCors();
        }

        app.UseMiddleware<AuditMiddleware>();
        app.UseMiddleware<AuthThrottleMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthEndpoints();
        app.MapJobEndpoints();
        app.MapAgentEndpoints();
        app.MapClusterEndpoints();
        app.MapSystemEndpoints();
        app.MapNetworkEndpoints();
        app.MapFileEndpoints();
        app.MapDeclaredOperations();
        app.MapAuditEndpoints();
        app.MapUiEndpoints();
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", o => o.WithTitle("HostOps API"));
        return app;
    }

    private static IPEndPoint ListenEndpoint(ConfigurationManager configuration)
    {
        var host = configuration["api:server:host"] ?? "127.0.0.1";
        var portText = configuration["api:server:port"] ?? "8080";
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw new InvalidOperationException($"api.server.port: '{portText}' is not a TCP port (0-65535)");
        }

        var address = host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" or "" => IPAddress.Any,
            _ when IPAddress.TryParse(host, out var parsed) => parsed,
            _ => throw new InvalidOperationException($"api.server.host: '{host}' is not an IP address (use 127.0.0.1, 0.0.0.0 or ::)"),
        };
        return new IPEndPoint(address, port);
    }
}
