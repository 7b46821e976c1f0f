namespace HostOps.Contracts.Operations.Services;

/// <summary>
/// One host's answer to a service action: the unit's active state and unit file state after it (on a dry run, what
/// they would be).
/// </summary>
public sealed record ServiceActionResult : HostOutcome
{
    public string? Name { get; init; }

    public string? ActiveState { get; init; }

    public string? Enabled { get; init; }
}
