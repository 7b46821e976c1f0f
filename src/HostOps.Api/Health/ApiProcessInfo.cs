using System.Reflection;
using HostOps.Contracts.Text;

namespace HostOps.Api.Health;

/// <summary>The API server's version and uptime; created when the app is built, so uptime counts from start.</summary>
internal sealed class ApiProcessInfo(TimeProvider timeProvider)
{
    private readonly long _started = timeProvider.GetTimestamp();

    public static string Version { get; } = ReadVersion();

    public TimeSpan Uptime => timeProvider.GetElapsedTime(_started);

    /// <summary>Whole seconds (<c>2h30m15s</c>); the first second shows as <c>0s</c>, not in milliseconds.</summary>
    public string UptimeText => Uptime < TimeSpan.FromSeconds(1) ? "0s" : DurationText.Format(TimeSpan.FromSeconds(Math.Floor(Uptime.TotalSeconds)));

    // The informational version carries "+<commit>" when built from git; the contract shows the plain version.
    private static string ReadVersion()
    {
        var informational = typeof(ApiProcessInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? "0.0.0";
    }
}
