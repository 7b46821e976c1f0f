namespace HostOps.Api.Configuration;

/// <summary>The <c>api:server:security:</c> section.</summary>
public sealed class ApiSecurityOptions
{
    /// <summary>HS256 key for bearer tokens; at least 32 bytes.</summary>
    [ConfigurationKeyName("signing_key")]
    public string SigningKey { get; set; } = "";

    public ApiCorsOptions Cors { get; set; } = new();

    [ConfigurationKeyName("auth_throttle")]
    public AuthThrottleOptions AuthThrottle { get; set; } = new();
}
