namespace HostOps.Contracts.Files;

/// <summary>The answer of <c>GET /file</c>: every stored file, by name.</summary>
public sealed record StoredFileList(IReadOnlyList<StoredFile> Files);
