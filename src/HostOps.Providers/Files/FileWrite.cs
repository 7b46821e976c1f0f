namespace HostOps.Providers.Files;

/// <summary>Where a write puts its content and the metadata the file should have (null: kept, or the default of a new file).</summary>
public sealed record FileWrite(string Path, string? Mode, string? Owner, string? Group, bool DryRun);
