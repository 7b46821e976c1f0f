using System.Globalization;
using System.Security.Cryptography;
using HostOps.Contracts.Operations.Files;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Files;

/// <summary>
/// What one path on disk is, without following a link at its end: its type, size, mode, owner and group (names,
/// and the numeric ids that <c>stat</c> prints alongside), modification time and, for a regular file, its sha256.
/// </summary>
internal sealed record FileFacts(string Type, long Size, int Mode, DateTimeOffset Modified, string Uid, string Gid, string Owner, string Group, string? Sha256)
{
    public const string RegularFile = "file";
    public const string Directory = "directory";
    public const string Symlink = "symlink";

    public bool IsFile => Type == RegularFile;

    public string ModeText => FileRules.ModeText(Mode);

    public bool OwnedBy(string account) => account == Owner || account == Uid;

    public bool InGroup(string account) => account == Group || account == Gid;

    /// <summary>The facts of <paramref name="disk"/>, or null when nothing is there.</summary>
    public static async Task<FileFacts?> ReadAsync(string disk, ICommandRunner runner, CancellationToken cancellationToken)
    {
        FileSystemInfo info = new FileInfo(disk);
        string type;
        if (info.LinkTarget is not null)
        {
            type = Symlink;
        }
        else if (global::System.IO.Directory.Exists(disk))
        {
            type = Directory;
            info = new DirectoryInfo(disk);
        }
        else if (info.Exists)
        {
            type = RegularFile;
        }
        else
        {
            return null;
        }

        // stat without -L describes a link itself; %u %g are the ids, %U %G their names (UNKNOWN without one).
        var stat = await runner.RunAsync("stat", ["-c", "%u %g %U %G", "--", disk], cancellationToken);
        var ids = stat.StandardOutput.Trim().Split(' ');
        if (!stat.Succeeded || ids.Length != 4)
        {
            throw new HostProviderException($"stat of {disk} failed: {stat.Reason}");
        }

        var sha256 = type == RegularFile ? await Sha256Async(disk, cancellationToken) : null;
        return new FileFacts(
            type,
            type == RegularFile ? ((FileInfo)info).Length : 0,
            type == Symlink ? 0x1FF : (int)info.UnixFileMode,
            info.LastWriteTimeUtc,
            ids[0],
            ids[1],
            ids[2] == "UNKNOWN" ? ids[0] : ids[2],
            ids[3] == "UNKNOWN" ? ids[1] : ids[3],
            sha256);
    }

    public static async Task<string> Sha256Async(string disk, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(disk);
        return Hex(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    public static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}
