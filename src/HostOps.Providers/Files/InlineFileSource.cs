using System.Security.Cryptography;

namespace HostOps.Providers.Files;

/// <summary>Content given in the request itself.</summary>
public sealed class InlineFileSource(byte[] content) : IFileSource
{
    public string Description => "content";

    public Task<(string Sha256, long Size)> DescribeAsync(CancellationToken cancellationToken) =>
        Task.FromResult((FileFacts.Hex(SHA256.HashData(content)), (long)content.Length));

    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken) =>
        destination.WriteAsync(content, cancellationToken).AsTask();
}
