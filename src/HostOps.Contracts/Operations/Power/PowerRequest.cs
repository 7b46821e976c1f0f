namespace HostOps.Contracts.Operations.Power;

/// <summary>Input of <c>power.reboot.do</c> and <c>power.shutdown.do</c>.</summary>
public sealed record PowerRequest : ChangeRequest
{
    /// <summary>Seconds from now (<see cref="PowerRules.MinDelay"/>–<see cref="PowerRules.MaxDelay"/>, default <see cref="PowerRules.DefaultDelay"/>).</summary>
    public int? Delay { get; init; }

    /// <summary>Why, for the logs and the users logged in (at most <see cref="PowerRules.MaxMessageLength"/> printable characters).</summary>
    public string? Message { get; init; }
}
