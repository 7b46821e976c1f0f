namespace HostOps.Contracts.Operations.Time;

/// <summary>One host's time zone; after a set also the zone before (on a dry run, the zone it would have).</summary>
public sealed record TimezoneResult : HostOutcome
{
    public string? Zone { get; init; }

    public string? Previous { get; init; }
}
