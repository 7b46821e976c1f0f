namespace HostOps.Contracts.Operations.Packages;

/// <summary>
/// One host's answer to <c>package.detail.get</c>: whether the package is installed and at which version, and the
/// version the package manager would install (Debian only: apt's candidate from its last <c>apt-get update</c>).
/// </summary>
public sealed record PackageShowResult : HostOutcome
{
    public string? Name { get; init; }

    public bool Installed { get; init; }

    /// <summary>The installed version; null when the package is not installed.</summary>
    public string? Version { get; init; }

    /// <summary>The version an install or upgrade would give; null when unknown or none is available.</summary>
    public string? Candidate { get; init; }

    public string? Architecture { get; init; }

    public string? Summary { get; init; }
}
