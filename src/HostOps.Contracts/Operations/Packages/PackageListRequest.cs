namespace HostOps.Contracts.Operations.Packages;

/// <summary>Input of <c>package.list.get</c>.</summary>
public sealed record PackageListRequest
{
    /// <summary>A glob on the package name (<c>*</c> any text, <c>?</c> one character); all packages when null.</summary>
    public string? Pattern { get; init; }
}
