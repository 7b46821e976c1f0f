using HostOps.Cli.Configuration;
using HostOps.Jobs.Configuration;
using HostOps.Nats.Auth;
using NATS.Client.Core;

namespace HostOps.Cli.Hosting;

/// <summary>Waits until NATS lets a newly accepted agent identity in (the server reloads its users a moment after).</summary>
internal static class NatsAdmission
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    public static async Task WaitAsync(string natsUrl, string caFile, NkeySeedFile agent, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Within;
        var connection = new NatsConnectionOptions { Url = natsUrl, NkeyFile = agent.Path, CaFile = caFile };
        while (true)
        {
            try
            {
                await using var nats = new NatsConnection(NatsClientOptions.For(connection, "hostops-enroll") with { MaxReconnectRetry = 0, IgnoreAuthErrorAbort = false });
                await nats.ConnectAsync();
                return;
            }
            catch (NatsException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (NatsException e)
            {
                throw new ConfigException($"NATS at {natsUrl} did not admit this agent's identity within {Within.TotalSeconds:0} s: {e.Message}");
            }
        }
    }
}
