namespace HostOps.Providers.Files;

/// <summary>
/// Where the file operations may read and write on this agent (<c>job.worker.files.allow</c>): a path is allowed when
/// it lies under one of the <paramref name="Allow"/> directories (<c>/etc</c> takes <c>/etc/motd</c> and
/// <c>/etc/app/x.conf</c>, not <c>/etcetera</c>); <c>/</c> allows every path.
/// </summary>
public sealed record FilePolicy(IReadOnlyList<string> Allow)
{
    /// <summary>The default: configuration, add-on software, served data and HostOps's own state.</summary>
    public static IReadOnlyList<string> DefaultAllow { get; } = ["/etc", "/opt", "/srv", "/var/lib/hostops"];

    public static FilePolicy Default { get; } = new(DefaultAllow);

    public bool Allows(string path) =>
        Allow.Any(directory => directory == "/" || path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal));

    public string Describe() => $"job.worker.files.allow: {string.Join(", ", Allow)}";
}
