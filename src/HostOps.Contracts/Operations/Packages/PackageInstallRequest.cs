namespace HostOps.Contracts.Operations.Packages;

/// <summary>Input of <c>package.install.do</c>.</summary>
public sealed record PackageInstallRequest : ChangeRequest
{
    /// <summary>The package's name (<see cref="PackageRules.Name"/>).</summary>
    public required string Name { get; init; }

    /// <summary>The version to install (<see cref="PackageRules.Version"/>); any version (the candidate) when null.</summary>
    public string? Version { get; init; }
}
