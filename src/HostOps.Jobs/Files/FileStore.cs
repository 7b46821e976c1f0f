using HostOps.Contracts.Files;
using HostOps.Jobs.Configuration;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.ObjectStore;
using NATS.Client.ObjectStore.Models;

namespace HostOps.Jobs.Files;

/// <summary>
/// The file store: files kept in the NATS Object Store bucket <c>job.files.bucket</c>, chunked by the store, with
/// the sha256 of their content recorded as they are put. The API puts, lists and deletes; an agent only reads (its
/// NATS permissions allow nothing else on the bucket), checking the sha256 as it reads.
/// </summary>
public sealed class FileStore(INatsConnection connection, IOptions<JobOptions> options)
{
    private const string DigestPrefix = "SHA-256=";

    private INatsObjStore? _store;

    public string Bucket => options.Value.Files.Bucket;

    public async Task<StoredFile> PutAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        var store = await StoreAsync(cancellationToken);
        var meta = await store.PutAsync(new ObjectMetadata { Name = name }, content, leaveOpen: true, cancellationToken);
        return Describe(meta);
    }

    public async Task<IReadOnlyList<StoredFile>> ListAsync(CancellationToken cancellationToken)
    {
        var store = await StoreAsync(cancellationToken);
        var files = new List<StoredFile>();

        // Listing a bucket that never held a file waits for a first one; its stream says there is none.
        var status = await store.GetStatusAsync(cancellationToken);
        if (status.Info.State.Messages == 0)
        {
            return files;
        }

        try
        {
            await foreach (var meta in store.ListAsync(cancellationToken: cancellationToken))
            {
                files.Add(Describe(meta));
            }
        }
        catch (NatsObjException e) when (e.Message.Contains("no objects", StringComparison.OrdinalIgnoreCase))
        {
        }

        return [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>The stored file, or null when there is none by that name.</summary>
    public async Task<StoredFile?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var store = await StoreAsync(cancellationToken);
        try
        {
            return Describe(await store.GetInfoAsync(name, cancellationToken: cancellationToken));
        }
        catch (NatsObjNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes a stored file; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var store = await StoreAsync(cancellationToken);
        try
        {
            await store.DeleteAsync(name, cancellationToken);
            return true;
        }
        catch (NatsObjNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Copies a stored file's content to <paramref name="destination"/>; the store checks its digest at the end.</summary>
    public async Task CopyToAsync(string name, Stream destination, CancellationToken cancellationToken)
    {
        var store = await StoreAsync(cancellationToken);
        await store.GetAsync(name, destination, leaveOpen: true, cancellationToken);
    }

    private async ValueTask<INatsObjStore> StoreAsync(CancellationToken cancellationToken) =>
        _store ??= await new NatsObjContext(new NatsJSContext((NatsConnection)connection)).GetObjectStoreAsync(Bucket, cancellationToken);

    private static StoredFile Describe(ObjectMetadata meta) =>
        new(meta.Name, (long)meta.Size, Sha256Hex(meta.Digest), (int)meta.Chunks, meta.MTime);

    // The store records "SHA-256=" and the digest in base64url; answers show it in hex, as sha256sum does.
    private static string Sha256Hex(string? digest)
    {
        if (digest is null || !digest.StartsWith(DigestPrefix, StringComparison.Ordinal))
        {
            return "";
        }

        var text = digest[DigestPrefix.Length..].Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        return Convert.ToHexStringLower(Convert.FromBase64String(text));
    }
}
