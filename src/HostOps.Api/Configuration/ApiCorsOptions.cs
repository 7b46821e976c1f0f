namespace HostOps.Api.Configuration;

/// <summary>The <c>api:server:security:cors:</c> section; an empty list sends no CORS headers.</summary>
public sealed class ApiCorsOptions
{
    [ConfigurationKeyName("allow_origins")]
    public List<string> AllowOrigins { get; set; } = [];
}
