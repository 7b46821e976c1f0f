using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HostOps.Agent;
using HostOps.Api;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Security;
using HostOps.Jobs.Client;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Bench;

/// <summary>
/// <c>GET /health</c> against <c>GET /health/status</c> with many stored jobs, loaded by Debian's <c>wrk</c> on
/// loopback: requests/s and p99 of each, and their throughput ratio.
/// </summary>
internal static partial class HttpBench
{
    /// <summary>Null when <c>wrk</c> is on PATH; otherwise the line saying that the HTTP part is skipped and why.</summary>
    public static string? MissingWrk() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, "wrk")))
            ? null
            : "HTTP part skipped: wrk is not installed (apt-get install -y wrk), so GET /health and /health/status are not measured.";

    public static async Task<(WrkResult Health, WrkResult Status)> RunAsync(IConfiguration jobConfiguration, int storedJobs, TimeSpan duration)
    {
        var port = NatsServerProcess.FreeTcpPort();
        var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(jobConfiguration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["api:server:port"] = port.ToString(CultureInfo.InvariantCulture),
                ["api:server:security:signing_key"] = signingKey,
                ["job:worker:hostname"] = "bench-api-agent",
                ["Logging:LogLevel:Default"] = "Warning",
            })
            .Build();
        await BenchJobConfiguration.EnsureResourcesAsync(configuration);

        var builder = ApiServer.CreateBuilder(configuration);
        builder.Services.AddHostOpsAgent(configuration);
        await using var app = ApiServer.Build(builder);
        await app.StartAsync();

        var jobs = app.Services.GetRequiredService<JobClient>();
        await Measure.ThroughputAsync(storedJobs, 256, _ => jobs.SubmitAsync(new JobOperation(OperationTypes.UptimeGet), null, CancellationToken.None));
        while ((await jobs.GetStatsAsync(CancellationToken.None)).StatusCounts[JobStatus.Completed] < storedJobs)
        {
            await Task.Delay(500);
        }

        var token = new JwtIssuer(signingKey).Issue(new TokenRequest("bench", [Scopes.Read], [], TimeSpan.FromHours(1)));
        var baseUrl = $"http://127.0.0.1:{port}";
        var health = await WrkAsync($"{baseUrl}/health", null, duration);
        var status = await WrkAsync($"{baseUrl}/health/status", token, duration);
        await app.StopAsync();
        return (health, status);
    }

    private static async Task<WrkResult> WrkAsync(string url, string? token, TimeSpan duration)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t2", "-c16", $"-d{(int)duration.TotalSeconds}s", "--latency" })
        {
            info.ArgumentList.Add(arg);
        }

        if (token is not null)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add($"Authorization: Bearer {token}");
        }

        info.ArgumentList.Add(url);
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk)");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (NonSuccess().IsMatch(output))
        {
            throw new InvalidOperationException($"{url} answered non-2xx under load:\n{output}");
        }

        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = P99().Match(output);
        var p99Ms = double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture) * p99.Groups[2].Value switch
        {
            "us" => 0.001,
            "ms" => 1,
            "s" => 1000,
            _ => double.NaN,
        };
        return new WrkResult(rps, p99Ms);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"99%\s+([\d.]+)(us|ms|s)")]
    private static partial Regex P99();

    [GeneratedRegex("Non-2xx or 3xx responses")]
    private static partial Regex NonSuccess();
}
