namespace HostOps.Contracts.Operations.Files;

/// <summary>Input of <c>fs.stat.get</c> and <c>fs.content.get</c>: the host path to read.</summary>
public sealed record FilePathRequest
{
    /// <summary>An absolute, normalised path under one of the agent's <c>job.worker.files.allow</c> directories.</summary>
    public required string Path { get; init; }
}
