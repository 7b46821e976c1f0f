namespace HostOps.Contracts.Operations.Files;

/// <summary>Input of <c>file.deploy.do</c>: the stored file (route) and where and how each host keeps it.</summary>
public sealed record FileDeployRequest : ChangeRequest
{
    /// <summary>The stored file's name (<c>POST /file</c>).</summary>
    public required string Name { get; init; }

    public required string Path { get; init; }

    public string? Mode { get; init; }

    public string? Owner { get; init; }

    public string? Group { get; init; }
}
