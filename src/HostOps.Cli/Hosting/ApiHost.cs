using HostOps.Api;
using HostOps.Cli.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HostOps.Cli.Hosting;

/// <summary>
/// Builds the API web application from the CLI's configuration.
/// The API binds api.server.host/port itself.
/// </summary>
internal static class ApiHost
{
    public static WebApplication Create(LoadedConfiguration loaded)
    {
        var builder = ApiServer.CreateBuilder(loaded.Configuration);
        builder.Logging.UseCliConsole(loaded.Configuration);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddClusterMaterial(loaded.DataDir);
        return ApiServer.Build(builder);
    }

    /// <summary>The URL a client on this machine uses (a wildcard listen address is reached through loopback).</summary>
    public static string ClientUrl(HostOpsSettings settings)
    {
        var host = settings.ApiServer.Host is "0.0.0.0" or "::" or "*" or "+" or "" ? "127.0.0.1" : settings.ApiServer.Host;
        return $"{(settings.ApiServer.Tls.Enabled ? "https" : "http")}://{host}:{settings.ApiServer.Port}";
    }
}
