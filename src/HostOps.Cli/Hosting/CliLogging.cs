using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace HostOps.Cli.Hosting;

/// <summary>
/// One console log format for everything a command runs. Levels come from the standard <c>Logging:LogLevel</c>
/// section (e.g. <c>HOSTOPS_LOGGING__LOGLEVEL__HOSTOPS=Debug</c> shows the nats-server log).
/// </summary>
internal static class CliLogging
{
    // The formatter's options are ConsoleFormatterOptions itself, whose properties the framework keeps.
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "ConsoleFormatterOptions is a framework type that is preserved")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "ConsoleFormatterOptions binds only primitive properties")]
    public static ILoggingBuilder UseCliConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddConsole(o => o.FormatterName = CliConsoleFormatter.FormatterName);
        logging.AddConsoleFormatter<CliConsoleFormatter, ConsoleFormatterOptions>();
        return logging;
    }

    public static ILoggerFactory CreateFactory(IConfiguration configuration) =>
        LoggerFactory.Create(logging => logging.UseCliConsole(configuration));

    public static IServiceCollection AddCliConsole(this IServiceCollection services, IConfiguration configuration) =>
        services.AddLogging(logging => logging.UseCliConsole(configuration));
}
