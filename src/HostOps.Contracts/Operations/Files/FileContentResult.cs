namespace HostOps.Contracts.Operations.Files;

/// <summary>
/// One host's answer to <c>fs.content.get</c>: the file's content, always base64 (<see cref="Encoding"/> says so)
/// so any file, text or not, comes back byte for byte; with its size, mode, owner, group and sha256.
/// </summary>
public sealed record FileContentResult : HostOutcome
{
    public string? Path { get; init; }

    public long? Size { get; init; }

    public string? Mode { get; init; }

    public string? Owner { get; init; }

    public string? Group { get; init; }

    public string? Sha256 { get; init; }

    /// <summary>Always <c>base64</c>.</summary>
    public string? Encoding { get; init; }

    public string? Content { get; init; }
}
