namespace HostOps.Jobs.Configuration;

/// <summary>The <c>job:</c> section: NATS resources, consumer behaviour and the agent's worker settings.</summary>
public sealed class JobOptions
{
    public const string Section = "job";

    public JobStreamOptions Stream { get; set; } = new();

    public JobKvOptions Kv { get; set; } = new();

    public JobDlqOptions Dlq { get; set; } = new();

    public JobRegistryOptions Registry { get; set; } = new();

    public JobFilesOptions Files { get; set; } = new();

    public JobConsumerOptions Consumer { get; set; } = new();

    public JobWorkerOptions Worker { get; set; } = new();

    public JobSweepOptions Sweep { get; set; } = new();
}
