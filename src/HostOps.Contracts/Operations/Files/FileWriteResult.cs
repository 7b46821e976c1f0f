namespace HostOps.Contracts.Operations.Files;

/// <summary>
/// One host's answer to a write or a deploy: the file as it is after it (on a dry run, as it would be), with the
/// sha256 of its content. <c>changed</c> is false when content, mode, owner and group already matched.
/// </summary>
public sealed record FileWriteResult : HostOutcome
{
    public string? Path { get; init; }

    public long? Size { get; init; }

    public string? Mode { get; init; }

    public string? Owner { get; init; }

    public string? Group { get; init; }

    public string? Sha256 { get; init; }
}
