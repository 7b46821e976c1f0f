namespace HostOps.Contracts.Operations.Packages;

/// <summary>Input of <c>package.remove.do</c>.</summary>
public sealed record PackageRemoveRequest : ChangeRequest
{
    /// <summary>The package's name (<see cref="PackageRules.Name"/>).</summary>
    public required string Name { get; init; }
}
