using HostOps.Contracts.Operations.Files;

namespace HostOps.Providers.Files;

/// <summary>
/// Turns a requested host path into the file to work on, or refuses it: the path must pass
/// <see cref="FileRules.HostPath"/> and <see cref="FilePolicy"/>, and so must the path its symbolic links really lead
/// to, so a link inside an allowed directory cannot carry a read or a write outside it. Links are followed within
/// <see cref="HostRoot"/> (an absolute link target starts at the root), as the host would see them.
/// </summary>
internal sealed class AllowedPaths(HostRoot root, FilePolicy policy)
{
    /// <summary>
    /// The file's place on disk with every directory leading to it resolved; the last part itself is kept as it is
    /// (a write or delete replaces a link, never what it points to).
    /// </summary>
    public string Entry(string path)
    {
        Check(path);
        var slash = path.LastIndexOf('/');
        var parent = slash == 0 ? "/" : RealPath(path[..slash]);
        var real = (parent == "/" ? "" : parent) + path[slash..];
        return Allowed(path, real);
    }

    /// <summary>The file's place on disk with every link followed, the last part included (for reading content).</summary>
    public string Target(string path)
    {
        Check(path);
        return Allowed(path, RealPath(path));
    }

    private void Check(string path)
    {
        if (FileRules.HostPath("path", path) is { } invalid)
        {
            throw new HostProviderException(invalid);
        }

        if (!policy.Allows(path))
        {
            throw new HostProviderException($"path: {path} is outside the directories this agent allows ({policy.Describe()})");
        }
    }

    private string Allowed(string path, string real)
    {
        if (!policy.Allows(real))
        {
            throw new HostProviderException($"path: {path} leads to {real} through a symbolic link, outside the directories this agent allows ({policy.Describe()})");
        }

        return root.Resolve(real);
    }

    private string RealPath(string path) => Providers.RealPath.Of(root, path);
}
