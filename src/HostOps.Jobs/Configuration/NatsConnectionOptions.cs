namespace HostOps.Jobs.Configuration;

/// <summary>The <c>nats:</c> section as the API and agents see it: where to connect.</summary>
public sealed class NatsConnectionOptions
{
    public const string Section = "nats";

    public string Url { get; set; } = "nats://127.0.0.1:4222";
}
