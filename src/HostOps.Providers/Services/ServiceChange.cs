namespace HostOps.Providers.Services;

/// <summary>A service after an action (on a dry run, as it would be), and whether the action changed it.</summary>
public sealed record ServiceChange(ServiceState State, bool Changed);
