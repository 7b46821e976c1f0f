namespace HostOps.Contracts.Operations.Services;

/// <summary>Input of <c>service.list.get</c>: optional filters, both applied when given.</summary>
public sealed record ServiceListRequest
{
    /// <summary>Only units in this ActiveState (<c>active</c>, <c>failed</c>, …).</summary>
    public string? State { get; init; }

    /// <summary>Only units whose name matches this glob (<c>nginx*</c>, <c>ssh</c>).</summary>
    public string? Pattern { get; init; }
}
