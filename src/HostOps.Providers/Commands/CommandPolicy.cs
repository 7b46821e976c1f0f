namespace HostOps.Providers.Commands;

/// <summary>
/// What <c>command.exec.do</c> may run on this agent (<c>job.worker.command</c>): nothing unless
/// <paramref name="Enabled"/>; then any program, or only those whose path matches an <paramref name="Allow"/>
/// entry (an absolute path or a <see cref="PathGlob"/>).
/// </summary>
public sealed record CommandPolicy(bool Enabled, IReadOnlyList<string> Allow)
{
    /// <summary>The default: commands are refused.</summary>
    public static CommandPolicy Disabled { get; } = new(false, []);

    /// <summary>True when the allow list is empty, or an entry matches the path as found or as its links resolve.</summary>
    public bool Allows(string path, string realPath) =>
        Allow.Count == 0 || Allow.Any(pattern => PathGlob.Matches(pattern, path) || PathGlob.Matches(pattern, realPath));
}
