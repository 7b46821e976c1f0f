namespace HostOps.Contracts.Operations.Files;

/// <summary>Input of <c>fs.delete.do</c>: the file to remove.</summary>
public sealed record FileDeleteRequest : ChangeRequest
{
    public required string Path { get; init; }
}
