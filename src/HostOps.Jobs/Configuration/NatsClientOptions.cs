using HostOps.Nats.Auth;
using NATS.Client.Core;

namespace HostOps.Jobs.Configuration;

/// <summary>The NATS.Net options every HostOps connection uses, from the <c>nats:</c> section.</summary>
public static class NatsClientOptions
{
    public static NatsOpts For(NatsConnectionOptions options, string name = "hostops") => new()
    {
        Url = options.Url,
        Name = name,
        AuthOpts = options.NkeyFile is { Length: > 0 } file ? NkeySeedFile.Load(file).AuthOpts : NatsAuthOpts.Default,
        TlsOpts = options.CaFile is { Length: > 0 } ca ? new NatsTlsOpts { CaFile = ca } : NatsTlsOpts.Default,
        InboxPrefix = options.InboxPrefix is { Length: > 0 } prefix ? prefix : NatsOpts.Default.InboxPrefix,
        MaxReconnectRetry = -1,

        // An identity refused for a moment (the server reloading its users) must not end the connection for good.
        IgnoreAuthErrorAbort = true,

        // Back within about a second of a restarted server, not the client's default 2-5 s.
        ReconnectWaitMin = TimeSpan.FromMilliseconds(200),
        ReconnectWaitMax = TimeSpan.FromSeconds(1),
    };
}
