using HostOps.Nats.Auth;
using HostOps.Testing.Nats;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace HostOps.Bench;

/// <summary>
/// Waits until a cluster can hold replicated streams: a cluster member takes clients before JetStream's meta group
/// has a leader, and the job system provisions only once an R-n stream can be created (as the CLI waits for a quorum).
/// </summary>
internal static class JetStreamQuorum
{
    public static async Task WaitAsync(string urls, NkeySeedFile identity, int replicas, TimeSpan timeout)
    {
        await using var connection = await NatsIdentityClient.ConnectAsync(urls, identity);
        var js = new NatsJSContext(connection);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await js.CreateStreamAsync(new StreamConfig("BENCH_QUORUM", ["bench.quorum"]) { NumReplicas = replicas, Storage = StreamConfigStorage.File });
                await js.DeleteStreamAsync("BENCH_QUORUM");
                return;
            }
            catch (NatsException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
