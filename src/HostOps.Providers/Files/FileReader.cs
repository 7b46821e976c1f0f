using HostOps.Contracts.Operations.Files;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Files;

/// <summary>
/// <c>fs.stat.get</c> and <c>fs.content.get</c>: what a path is, and a file's content (base64, up to
/// <see cref="FileRules.MaxReadBytes"/>), for paths <see cref="FilePolicy"/> allows (links included).
/// </summary>
[HostProvider]
public sealed class FileReader(HostRoot root, FilePolicy policy, ICommandRunner runner)
{
    public Task<FileStatResult> StatAsync(string path, CancellationToken cancellationToken)
    {
        var disk = new AllowedPaths(root, policy).Entry(path);
        return FileIo.RunAsync(path, "reading", async () =>
        {
            var facts = await FileFacts.ReadAsync(disk, runner, cancellationToken);
            return facts is null
                ? new FileStatResult { Path = path, Exists = false }
                : new FileStatResult
                {
                    Path = path,
                    Exists = true,
                    Type = facts.Type,
                    Size = facts.Size,
                    Mode = facts.ModeText,
                    Owner = facts.Owner,
                    Group = facts.Group,
                    Modified = facts.Modified,
                    Sha256 = facts.Sha256,
                };
        });
    }

    public Task<FileContentResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var disk = new AllowedPaths(root, policy).Target(path);
        return FileIo.RunAsync(path, "reading", async () =>
        {
            var facts = await FileFacts.ReadAsync(disk, runner, cancellationToken)
                ?? throw new HostProviderException($"path: {path} does not exist on this host");
            if (!facts.IsFile)
            {
                throw new HostProviderException($"path: {path} is a {facts.Type}, not a file");
            }

            if (facts.Size > FileRules.MaxReadBytes)
            {
                throw new HostProviderException($"path: {path} is {facts.Size} bytes, more than the {FileRules.MaxReadBytes / 1024} KiB fs.content.get answers");
            }

            var content = await File.ReadAllBytesAsync(disk, cancellationToken);
            return new FileContentResult
            {
                Path = path,
                Size = content.Length,
                Mode = facts.ModeText,
                Owner = facts.Owner,
                Group = facts.Group,
                Sha256 = FileFacts.Hex(global::System.Security.Cryptography.SHA256.HashData(content)),
                Encoding = FileRules.Base64,
                Content = Convert.ToBase64String(content),
            };
        });
    }
}
