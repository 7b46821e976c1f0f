namespace HostOps.Contracts.Operations.Services;

/// <summary>Input of <c>service.start.do</c> and the other actions: the service to act on.</summary>
public sealed record ServiceActionRequest : ChangeRequest
{
    /// <summary>The unit: <c>nginx</c> or <c>nginx.service</c>.</summary>
    public required string Name { get; init; }
}
