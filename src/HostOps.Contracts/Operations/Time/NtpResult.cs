namespace HostOps.Contracts.Operations.Time;

/// <summary>
/// One host's NTP client (<c>systemd-timesyncd</c> or <c>chrony</c>): whether the clock is synchronised, its offset
/// from the server in seconds as the client reports it, the servers it knows and the one in use. After a set, the
/// servers configured (the status is read by <c>GET /ntp</c> once the client has polled).
/// </summary>
public sealed record NtpResult : HostOutcome
{
    public string? Service { get; init; }

    public bool? Synchronized { get; init; }

    public double? OffsetSeconds { get; init; }

    public IReadOnlyList<string>? Servers { get; init; }

    public string? ServerInUse { get; init; }
}
