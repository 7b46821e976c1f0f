namespace HostOps.Contracts.Operations.Files;

/// <summary>
/// Input of <c>fs.content.set</c>: the path and either the content inline (<see cref="Content"/>, text or base64 as
/// <see cref="Encoding"/> says) or a stored file's name (<see cref="File"/>, from <c>POST /file</c>), with the mode,
/// owner and group the file should have. Left out, they are kept from the file being replaced (a new file gets
/// 0644 and the agent's user).
/// </summary>
public sealed record FileWriteRequest : ChangeRequest
{
    public required string Path { get; init; }

    public string? Content { get; init; }

    /// <summary><c>utf-8</c> (the default) or <c>base64</c>.</summary>
    public string? Encoding { get; init; }

    public string? File { get; init; }

    public string? Mode { get; init; }

    public string? Owner { get; init; }

    public string? Group { get; init; }
}
