namespace HostOps.Contracts.Files;

/// <summary>A file in the file store (<c>POST /file</c>): its name, size, the sha256 of its content, its chunks and when it was stored.</summary>
public sealed record StoredFile(string Name, long Size, string Sha256, int Chunks, DateTimeOffset Modified);
