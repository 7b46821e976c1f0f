namespace HostOps.Contracts.Operations.Packages;

/// <summary>One host's answer to <c>package.install.do</c>: the version installed before (null when none) and after.</summary>
public sealed record PackageInstallResult : HostOutcome
{
    public string? Name { get; init; }

    /// <summary>The version installed before; null when the package was not installed.</summary>
    public string? Previous { get; init; }

    /// <summary>The version installed after; on a dry run, the version that would be (null when the host cannot tell).</summary>
    public string? Version { get; init; }
}
