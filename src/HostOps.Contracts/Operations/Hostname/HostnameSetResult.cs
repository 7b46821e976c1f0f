namespace HostOps.Contracts.Operations.Hostname;

/// <summary>One host's answer to <c>system.hostname.set</c>: the name before and after (the same on a dry run).</summary>
public sealed record HostnameSetResult : HostOutcome
{
    public string? Previous { get; init; }

    public string? Current { get; init; }
}
