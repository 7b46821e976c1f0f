using HostOps.Contracts.Security;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Configuration;

/// <summary>Checks <c>api:server</c> on start; each failure is one line naming the key.</summary>
internal sealed class ApiServerOptionsValidator : IValidateOptions<ApiServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiServerOptions options)
    {
        var failures = new List<string>();
        if (SigningKeys.Problem(options.Security.SigningKey) is { } keyProblem)
        {
            failures.Add(keyProblem);
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"api.server.port: {options.Port} is not a TCP port (0-65535)");
        }

        if (options.JobTimeout.Value <= TimeSpan.Zero)
        {
            failures.Add("api.server.job_timeout: must be greater than zero");
        }

        if (options.InsecureListenProblem is { } insecure)
        {
            failures.Add($"api.server.tls: {insecure}");
        }

        if (options.Tls.Enabled && (options.Tls.CertFile.Length == 0 || options.Tls.KeyFile.Length == 0))
        {
            failures.Add("api.server.tls.cert_file: HTTPS needs a certificate and key (cert_file, key_file)");
        }

        var throttle = options.Security.AuthThrottle;
        if (throttle.MaxFailures < 1)
        {
            failures.Add("api.server.security.auth_throttle.max_failures: must be at least 1");
        }

        if (throttle.Window.Value <= TimeSpan.Zero)
        {
            failures.Add("api.server.security.auth_throttle.window: must be greater than zero");
        }

        failures.AddRange(EventProblems(options.Events));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> EventProblems(ApiEventOptions events)
    {
        if (events.Heartbeat.Value <= TimeSpan.Zero)
        {
            yield return "api.server.events.heartbeat: must be greater than zero";
        }

        if (events.MaxStreamsPerToken < 1)
        {
            yield return "api.server.events.max_streams_per_token: must be at least 1";
        }

        if (events.ClientBuffer < 1)
        {
            yield return "api.server.events.client_buffer: must be at least 1";
        }

        if (events.ReplayBuffer < 1)
        {
            yield return "api.server.events.replay_buffer: must be at least 1";
        }
    }
}
