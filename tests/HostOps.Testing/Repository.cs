namespace HostOps.Testing;

/// <summary>The checkout the tests run from: its root and the files that describe a build.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The one version of every artifact, from <c>VERSION</c>.</summary>
    public static string Version => File.ReadAllText(Path.Combine(Root, "VERSION")).Trim();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HostOps.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HostOps.slnx not found above " + AppContext.BaseDirectory);
    }
}
