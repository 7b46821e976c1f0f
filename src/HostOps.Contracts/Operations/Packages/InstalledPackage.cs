namespace HostOps.Contracts.Operations.Packages;

/// <summary>One installed package: its name, version (Debian's <c>[epoch:]upstream-revision</c>, rpm's <c>version-release</c>), architecture and one-line summary.</summary>
public sealed record InstalledPackage(string Name, string Version, string Architecture, string? Summary);
