namespace HostOps.Contracts.Operations.Time;

/// <summary>Input of <c>timezone.set.do</c>.</summary>
public sealed record TimezoneSetRequest : ChangeRequest
{
    /// <summary>A zone of the zoneinfo database: <c>Europe/Berlin</c>, <c>UTC</c>.</summary>
    public required string Zone { get; init; }
}
