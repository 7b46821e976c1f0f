using HostOps.Jobs.Files;
using HostOps.Providers;
using HostOps.Providers.Files;
using NATS.Client.ObjectStore;

namespace HostOps.Agent.Operations.Files;

/// <summary>
/// A stored file as the content of a write: its sha256 and size come from the store's record (so an unchanged file
/// is never fetched), its bytes from the store's chunks. The writer checks the copy against that sha256 before the
/// rename, and the store itself checks its digest at the end of the copy.
/// </summary>
internal sealed class StoredFileSource(FileStore store, string name) : IFileSource
{
    public string Description => $"stored file {name}";

    public async Task<(string Sha256, long Size)> DescribeAsync(CancellationToken cancellationToken)
    {
        var file = await Read(() => store.GetAsync(name, cancellationToken))
            ?? throw new HostProviderException($"file: no stored file named {name} (upload it with POST /file)");
        return (file.Sha256, file.Size);
    }

    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken) =>
        Read(async () =>
        {
            await store.CopyToAsync(name, destination, cancellationToken);
            return true;
        });

    private async Task<T> Read<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (NatsObjException e)
        {
            throw new HostProviderException($"{Description}: cannot be read from the file store ({e.Message})", e);
        }
    }
}
