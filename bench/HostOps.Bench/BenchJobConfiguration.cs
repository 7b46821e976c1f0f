using System.Globalization;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Provisioning;
using HostOps.Testing.Jobs;
using Microsoft.Extensions.Configuration;
using NATS.Client.Core;

namespace HostOps.Bench;

/// <summary>
/// The job configuration every bench job system runs with: the tests' unique resource names
/// (<see cref="TestJobConfiguration"/>), but file storage and the production sizes and timings.
/// </summary>
internal static class BenchJobConfiguration
{
    /// <summary>A fresh set of resource names on <paramref name="natsUrl"/> (one URL or a comma-separated list).</summary>
    public static IConfiguration Create(string natsUrl, int replicas = 1) => FileBacked(TestJobConfiguration.Create(natsUrl), replicas);

    /// <summary>Turns a test configuration into the production storage, sizes and timings, with <paramref name="replicas"/> for every stream and bucket.</summary>
    public static IConfiguration FileBacked(IConfiguration configuration, int replicas = 1)
    {
        foreach (var section in new[] { "stream", "dlq", "kv", "registry" })
        {
            configuration[$"job:{section}:storage"] = "file";
            configuration[$"job:{section}:replicas"] = replicas.ToString(CultureInfo.InvariantCulture);
        }

        // The production sizes, not the tests' small in-memory limits: a bench stores far more jobs.
        var defaults = new JobOptions();
        configuration["job:stream:max_bytes"] = defaults.Stream.MaxBytes.ToString();
        configuration["job:kv:max_bytes"] = defaults.Kv.MaxBytes.ToString();
        configuration["job:dlq:max_bytes"] = defaults.Dlq.MaxBytes.ToString();
        configuration["job:registry:max_bytes"] = defaults.Registry.MaxBytes.ToString();

        // The production timings, not the tests' fast ones (a sweep and a heartbeat every 200 ms).
        configuration["job:sweep:interval"] = defaults.Sweep.Interval.ToString();
        configuration["job:registry:heartbeat_interval"] = defaults.Registry.HeartbeatInterval.ToString();
        configuration["job:registry:ttl"] = defaults.Registry.Ttl.ToString();
        configuration["job:consumer:ack_wait"] = defaults.Consumer.AckWait.ToString();

        return configuration;
    }

    /// <summary>Creates the streams and buckets <paramref name="configuration"/> names, as an API's start-up would.</summary>
    public static async Task EnsureResourcesAsync(IConfiguration configuration)
    {
        var options = new JobOptions();
        configuration.GetSection(JobOptions.Section).Bind(options);
        await using var connection = new NatsConnection(new NatsOpts { Url = configuration["nats:url"]! });
        await JobResources.EnsureAsync(connection, options, CancellationToken.None);
    }

    /// <summary><paramref name="configuration"/> with <paramref name="values"/> on top (e.g. the <c>nats:</c> identity of one component).</summary>
    public static IConfiguration With(IConfiguration configuration, IDictionary<string, string?> values) =>
        new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(values).Build();
}
