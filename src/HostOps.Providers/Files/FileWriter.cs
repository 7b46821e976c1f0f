using HostOps.Contracts.Operations.Files;
using HostOps.Providers.Commands;

// Agents run on Linux; Unix file modes are what they set.
#pragma warning disable CA1416

namespace HostOps.Providers.Files;

/// <summary>
/// <c>fs.content.set</c>, <c>file.deploy.do</c> and <c>fs.delete.do</c>. A write is atomic: the content goes to a
/// temporary file in the same directory, is synced to disk, checked against the source's sha256, given its mode,
/// owner and group, and renamed over the path, so a reader sees the old file or the new one, never part of one.
/// Nothing is written when content, mode, owner and group already match (<c>changed: false</c>) or on a dry run;
/// a change needs <see cref="HostChangeGuard"/>. Owner and group are set with <c>chown</c> (an argument list).
/// </summary>
[HostProvider]
public sealed class FileWriter(HostRoot root, FilePolicy policy, ICommandRunner runner, HostChangeGuard guard)
{
    private const string NewFileMode = "0644";

    public async Task<FileWriteResult> WriteAsync(FileWrite write, IFileSource source, CancellationToken cancellationToken)
    {
        var disk = new AllowedPaths(root, policy).Entry(write.Path);
        var before = await FileIo.RunAsync(write.Path, "reading", () => FileFacts.ReadAsync(disk, runner, cancellationToken));
        if (before is { IsFile: false, Type: not FileFacts.Symlink })
        {
            throw new HostProviderException($"path: {write.Path} is a {before.Type}; only files are written");
        }

        var (sha256, size) = await source.DescribeAsync(cancellationToken);
        var existing = before is { IsFile: true } ? before : null;
        var mode = write.Mode ?? existing?.ModeText ?? NewFileMode;
        var owner = write.Owner ?? existing?.Uid;
        var group = write.Group ?? existing?.Gid;
        var sameContent = existing?.Sha256 == sha256;
        var sameMetadata = existing is not null && FileRules.ModeBits(mode) == existing.Mode
            && (owner is null || existing.OwnedBy(owner)) && (group is null || existing.InGroup(group));
        var result = new FileWriteResult
        {
            Path = write.Path,
            Size = size,
            Mode = FileRules.ModeText(FileRules.ModeBits(mode)),
            Owner = write.Owner ?? existing?.Owner,
            Group = write.Group ?? existing?.Group,
            Sha256 = sha256,
            Changed = !(sameContent && sameMetadata),
        };
        if (!result.Changed || write.DryRun)
        {
            return result;
        }

        guard.EnsureAllowed($"writing {write.Path}");
        return await FileIo.RunAsync(write.Path, "writing", async () =>
        {
            if (sameContent)
            {
                await SetMetadataAsync(disk, mode, owner, group, cancellationToken);
            }
            else
            {
                await ReplaceAsync(write.Path, disk, source, sha256, mode, owner, group, cancellationToken);
            }

            var after = await FileFacts.ReadAsync(disk, runner, cancellationToken);
            return result with { Owner = after?.Owner, Group = after?.Group };
        });
    }

    public async Task<FileDeleteResult> DeleteAsync(string path, bool dryRun, CancellationToken cancellationToken)
    {
        var disk = new AllowedPaths(root, policy).Entry(path);
        var before = await FileIo.RunAsync(path, "reading", () => FileFacts.ReadAsync(disk, runner, cancellationToken));
        if (before is null)
        {
            return new FileDeleteResult { Path = path, Changed = false };
        }

        if (before.Type == FileFacts.Directory)
        {
            throw new HostProviderException($"path: {path} is a directory; only files are deleted");
        }

        var result = new FileDeleteResult { Path = path, Sha256 = before.Sha256, Changed = true };
        if (dryRun)
        {
            return result;
        }

        guard.EnsureAllowed($"deleting {path}");
        return await FileIo.RunAsync(path, "deleting", () =>
        {
            File.Delete(disk);
            return Task.FromResult(result);
        });
    }

    private async Task ReplaceAsync(string path, string disk, IFileSource source, string sha256, string mode, string? owner, string? group, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(disk)!;
        if (!Directory.Exists(directory))
        {
            throw new HostProviderException($"path: the directory {path[..Math.Max(path.LastIndexOf('/'), 1)]} does not exist on this host");
        }

        var temporary = Path.Join(directory, $".{Path.GetFileName(disk)}.hostops-{Guid.NewGuid():N}.tmp");
        try
        {
            var written = await WriteTemporaryAsync(temporary, source, FileRules.ModeBits(mode), cancellationToken);
            if (written != sha256)
            {
                throw new HostProviderException($"{source.Description}: sha256 {written} does not match the expected {sha256}; nothing was replaced");
            }

            await SetMetadataAsync(temporary, mode, owner, group, cancellationToken);
            DurableFile.Replace(temporary, disk);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // Writes and syncs the temporary file, hashing what is written.
    private static async Task<string> WriteTemporaryAsync(string temporary, IFileSource source, int mode, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Options = FileOptions.Asynchronous,
            UnixCreateMode = (UnixFileMode)mode,
        };
        await using var file = new FileStream(temporary, options);
        await using var hashing = new HashingWriteStream(file);
        await source.CopyToAsync(hashing, cancellationToken);
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        return hashing.Sha256;
    }

    private async Task SetMetadataAsync(string disk, string mode, string? owner, string? group, CancellationToken cancellationToken)
    {
        File.SetUnixFileMode(disk, (UnixFileMode)FileRules.ModeBits(mode));
        if (owner is null && group is null)
        {
            return;
        }

        var spec = group is null ? owner! : $"{owner}:{group}";
        var chown = await runner.RunAsync("chown", ["--", spec, disk], cancellationToken);
        if (!chown.Succeeded)
        {
            throw new HostProviderException($"chown {spec} failed: {chown.Reason}");
        }
    }
}
