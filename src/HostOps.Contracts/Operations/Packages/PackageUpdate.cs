namespace HostOps.Contracts.Operations.Packages;

/// <summary>An installed package with a newer version available: the version installed and the one an upgrade installs.</summary>
public sealed record PackageUpdate(string Name, string CurrentVersion, string NewVersion);
