namespace HostOps.Contracts.Operations.Services;

/// <summary>One service as <c>systemctl</c> reports it; <see cref="Enabled"/> is its unit file state (<c>enabled</c>, <c>disabled</c>, <c>static</c>, …).</summary>
public sealed record ServiceUnit
{
    public required string Name { get; init; }

    public string? LoadState { get; init; }

    public string? ActiveState { get; init; }

    public string? SubState { get; init; }

    public string? Enabled { get; init; }

    public string? Description { get; init; }
}
