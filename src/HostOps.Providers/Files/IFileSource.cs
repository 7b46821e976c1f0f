namespace HostOps.Providers.Files;

/// <summary>
/// The content a write puts in place: inline bytes (<see cref="InlineFileSource"/>) or a stored file the agent reads
/// from the file store. Its sha256 and size are known before any byte is copied, so an unchanged file is never
/// fetched; the copy is checked against that sha256 before it replaces anything.
/// </summary>
public interface IFileSource
{
    /// <summary>Where the content comes from, for messages: <c>content</c> or <c>stored file app.conf</c>.</summary>
    string Description { get; }

    Task<(string Sha256, long Size)> DescribeAsync(CancellationToken cancellationToken);

    Task CopyToAsync(Stream destination, CancellationToken cancellationToken);
}
