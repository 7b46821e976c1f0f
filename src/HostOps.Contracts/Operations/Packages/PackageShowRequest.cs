namespace HostOps.Contracts.Operations.Packages;

/// <summary>Input of <c>package.detail.get</c>.</summary>
public sealed record PackageShowRequest
{
    /// <summary>The package's name (<see cref="PackageRules.Name"/>).</summary>
    public required string Name { get; init; }
}
