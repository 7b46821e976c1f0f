namespace HostOps.Contracts.Operations.Packages;

/// <summary>One host's answer to <c>package.remove.do</c>: the version that was (or, on a dry run, would be) removed.</summary>
public sealed record PackageRemoveResult : HostOutcome
{
    public string? Name { get; init; }

    /// <summary>The version installed before; null when the package was not installed (<c>changed: false</c>).</summary>
    public string? Previous { get; init; }
}
