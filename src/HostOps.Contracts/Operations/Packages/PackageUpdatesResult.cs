namespace HostOps.Contracts.Operations.Packages;

/// <summary>One host's answer to <c>package.updates.get</c>: the installed packages an upgrade would replace.</summary>
public sealed record PackageUpdatesResult : HostOutcome
{
    public IReadOnlyList<PackageUpdate>? Updates { get; init; }
}
