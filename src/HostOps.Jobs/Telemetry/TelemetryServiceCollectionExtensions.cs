using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HostOps.Jobs.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    public const string OtlpEndpointKey = "telemetry:otlp:endpoint";
    public const string OtlpProtocolKey = "telemetry:otlp:protocol";

    /// <summary>
    /// Exports this process's meters on <c>metrics.listen</c> (Prometheus text at <c>/metrics</c>) and its spans by OTLP to
    /// <c>telemetry.otlp.endpoint</c>. Each is registered only when configured: with neither set nothing listens to
    /// HostOps' meters or source, and they cost next to nothing. Throws <see cref="InvalidOperationException"/> naming
    /// the key when a setting is not valid.
    /// </summary>
    public static IServiceCollection AddHostOpsTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<MeterProviderBuilder>? metrics = null, Action<TracerProviderBuilder>? tracing = null)
    {
        var listen = Listen(configuration);
        var otlp = Otlp(configuration);
        if (listen is null && otlp is null)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(serviceName));
        if (listen is { } endpoint)
        {
            telemetry.WithMetrics(builder =>
            {
                builder.AddMeter(HostOpsTelemetry.Meters);
                // ASP.NET Core's request metrics join the hostops namespace: hostops_http_server_request_duration_seconds.
                builder.AddView("http.server.request.duration", "hostops.http.server.request.duration");
                builder.AddView("http.server.active_requests", "hostops.http.server.active_requests");
                metrics?.Invoke(builder);
                builder.AddPrometheusHttpListener(o =>
                {
                    o.Host = MetricsListenAddress.ListenerHost(endpoint);
                    o.Port = endpoint.Port;
                    o.ScopeInfoEnabled = false;
                });
            });
        }

        if (otlp is { } target)
        {
            telemetry.WithTracing(builder =>
            {
                builder.AddSource(HostOpsTelemetry.SourceName);
                tracing?.Invoke(builder);
                builder.AddOtlpExporter(o =>
                {
                    o.Endpoint = target.Endpoint;
                    o.Protocol = target.Protocol;
                });
            });
        }

        return services;
    }

    /// <summary>The <c>metrics.listen</c> endpoint, null when off; throws naming the key when it is not an address.</summary>
    public static System.Net.IPEndPoint? Listen(IConfiguration configuration) =>
        MetricsListenAddress.TryParse(configuration[MetricsListenAddress.Key], out var endpoint, out var problem)
            ? endpoint
            : throw new InvalidOperationException($"metrics.listen: {problem}");

    /// <summary>The OTLP endpoint and protocol (<c>grpc</c>, the default, or <c>http/protobuf</c>), null when unset.</summary>
    public static (Uri Endpoint, OtlpExportProtocol Protocol)? Otlp(IConfiguration configuration)
    {
        var text = configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"telemetry.otlp.endpoint: '{text}' is not an http(s) URL (like http://127.0.0.1:4317)");
        }

        var protocol = configuration[OtlpProtocolKey] switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"telemetry.otlp.protocol: '{other}' is not grpc or http/protobuf"),
        };
        return (uri, protocol);
    }
}
