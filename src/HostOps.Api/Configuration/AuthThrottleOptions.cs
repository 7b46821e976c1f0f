using HostOps.Contracts.Text;

namespace HostOps.Api.Configuration;

/// <summary>
/// The <c>api:server:security:auth_throttle:</c> section: after <see cref="MaxFailures"/> failed authentications
/// from one client address within <see cref="Window"/>, that address gets 429 for one window.
/// </summary>
public sealed class AuthThrottleOptions
{
    [ConfigurationKeyName("max_failures")]
    public int MaxFailures { get; set; } = 10;

    public Duration Window { get; set; } = Duration.FromSeconds(60);
}
