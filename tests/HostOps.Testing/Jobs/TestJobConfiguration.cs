using HostOps.Testing.Nats;
using Microsoft.Extensions.Configuration;

namespace HostOps.Testing.Jobs;

/// <summary>
/// Configuration for one test's job system on the shared test server: unique stream and bucket names, memory
/// storage (the file store's bucket on disk), small size limits (nats-server reserves each <c>max_bytes</c> up front, and one test server holds many
/// job systems), and short timings so retries and dead letters happen within a test.
/// </summary>
public static class TestJobConfiguration
{
    public static IConfiguration Create(string natsUrl, IDictionary<string, string?>? overrides = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["nats:url"] = natsUrl,
            ["job:stream:name"] = NatsFixture.UniqueName("JOBS"),
            ["job:stream:storage"] = "memory",
            ["job:stream:subject_prefix"] = NatsFixture.UniqueName("jobs"),
            ["job:dlq:subject_prefix"] = NatsFixture.UniqueName("dlq"),
            ["job:dlq:name"] = NatsFixture.UniqueName("JOBS-DLQ"),
            ["job:dlq:storage"] = "memory",
            ["job:kv:bucket"] = NatsFixture.UniqueName("job-queue"),
            ["job:kv:storage"] = "memory",
            ["job:registry:bucket"] = NatsFixture.UniqueName("agent-registry"),
            ["job:registry:storage"] = "memory",
            ["job:registry:ttl"] = "5s",
            ["job:registry:heartbeat_interval"] = "200ms",
            ["job:stream:max_bytes"] = "16MiB",
            ["job:kv:max_bytes"] = "16MiB",
            ["job:dlq:max_bytes"] = "4MiB",
            ["job:registry:max_bytes"] = "4MiB",
            ["job:files:bucket"] = NatsFixture.UniqueName("hostops-files"),
            ["job:files:max_bytes"] = "80MiB",
            ["job:consumer:max_deliver"] = "3",
            ["job:consumer:ack_wait"] = "2s",
            ["job:consumer:back_off:0"] = "100ms",
            ["job:consumer:back_off:1"] = "200ms",
            ["job:sweep:interval"] = "200ms",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
