namespace HostOps.Contracts.Operations.Files;

/// <summary>One host's answer to <c>fs.delete.do</c>: the sha256 of what was removed (nothing when it did not exist: <c>changed</c> false).</summary>
public sealed record FileDeleteResult : HostOutcome
{
    public string? Path { get; init; }

    public string? Sha256 { get; init; }
}
