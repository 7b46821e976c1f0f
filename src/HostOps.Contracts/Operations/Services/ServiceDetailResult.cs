namespace HostOps.Contracts.Operations.Services;

/// <summary>
/// One host's answer to <c>service.detail.get</c>. <see cref="Since"/> is when the unit last became active, as
/// systemctl prints it (in the host's time zone), absent when it never was.
/// </summary>
public sealed record ServiceDetailResult : HostOutcome
{
    public string? Name { get; init; }

    public string? LoadState { get; init; }

    public string? ActiveState { get; init; }

    public string? SubState { get; init; }

    public string? Enabled { get; init; }

    public string? Description { get; init; }

    public int? MainPid { get; init; }

    public string? Since { get; init; }
}
