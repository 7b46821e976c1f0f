using System.Text.RegularExpressions;
using HostOps.Api.Configuration;
using HostOps.Client.Configuration;
using HostOps.Contracts.Text;
using HostOps.Jobs.Configuration;
using HostOps.Nats.Configuration;
using Microsoft.Extensions.Configuration;

namespace HostOps.Cli.Configuration;

/// <summary>Every options section bound from one configuration; binder failures become a <see cref="ConfigException"/> naming the key.</summary>
public sealed partial record HostOpsSettings(
    string DataDir,
    NatsConnectionOptions Nats,
    NatsServerOptions NatsServer,
    ApiServerOptions ApiServer,
    ApiClientOptions ApiClient,
    JobOptions Job)
{
    public static HostOpsSettings Bind(LoadedConfiguration loaded)
    {
        var configuration = loaded.Configuration;
        DurationList(configuration, "job:consumer:back_off");
        var apiClient = Bound(() => configuration.GetSection(ApiClientOptions.Section).Get<ApiClientOptions>());
        apiClient.CaFile = configuration["api:client:ca_file"] ?? ""; // the SDK's options carry no configuration attributes
        return new HostOpsSettings(
            loaded.DataDir,
            Bound(() => configuration.GetSection(NatsConnectionOptions.Section).Get<NatsConnectionOptions>()),
            Bound(() => configuration.GetSection(NatsServerOptions.Section).Get<NatsServerOptions>()),
            Bound(() => configuration.GetSection(ApiServerOptions.Section).Get<ApiServerOptions>()),
            apiClient,
            Bound(() => configuration.GetSection(JobOptions.Section).Get<JobOptions>()));
    }

    /// <summary>These settings with the NATS connection made as the identity in <paramref name="seedPath"/>.</summary>
    public HostOpsSettings WithNatsIdentity(string seedPath) =>
        this with { Nats = new NatsConnectionOptions { Url = Nats.Url, NkeyFile = seedPath, InboxPrefix = Nats.InboxPrefix, CaFile = Nats.CaFile } };

    /// <summary>Binds and validates what <paramref name="components"/> need; throws <see cref="ConfigException"/>.</summary>
    public static HostOpsSettings BindAndValidate(LoadedConfiguration loaded, StartingComponents components)
    {
        var settings = Bind(loaded);
        ConfigValidator.Validate(settings, components);
        if (components.HasFlag(StartingComponents.Api) || components.HasFlag(StartingComponents.Agent))
        {
            ConfigValidator.Telemetry(loaded.Configuration);
        }

        return settings;
    }

    private static T Bound<T>(Func<T?> bind)
        where T : new()
    {
        try
        {
            return bind() ?? new T();
        }
        catch (InvalidOperationException e) when (FailedConversion().Match(e.Message) is { Success: true } match)
        {
            var value = match.Groups["value"].Value;
            var problem = e.InnerException switch
            {
                FormatException { Message: var message } when IsTextType(match.Groups["type"].Value) => message,
                _ when match.Groups["type"].Value.StartsWith("System.Int", StringComparison.Ordinal) => $"'{value}' is not a whole number",
                _ when match.Groups["type"].Value == "System.Boolean" => $"'{value}' is not true or false",
                { Message: var message } => $"'{value}' is not valid: {message.ReplaceLineEndings(" ")}",
                null => $"'{value}' is not valid",
            };
            throw new ConfigException(match.Groups["key"].Value, problem);
        }
    }

    /// <summary>The configuration types whose converters word their own message (<c>'3x' is not a duration (…)</c>).</summary>
    private static bool IsTextType(string type) =>
        type.EndsWith(".Duration", StringComparison.Ordinal) || type.EndsWith(".ByteSize", StringComparison.Ordinal);

    /// <summary>The binder silently drops list items it cannot convert; a mistyped back-off step must not vanish.</summary>
    private static void DurationList(IConfiguration configuration, string key)
    {
        foreach (var item in configuration.GetSection(key).GetChildren())
        {
            if (item.Value is { } text && !DurationText.TryParse(text, out _))
            {
                throw new ConfigException(item.Path, $"'{text}' is not a duration (use forms like 500ms, 30s, 5m, 24h, 1h30m)");
            }
        }
    }

    // The binder's wording: "Failed to convert configuration value '3x' at 'job:stream:max_age' to type '...Duration'."
    [GeneratedRegex(@"value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex FailedConversion();
}
