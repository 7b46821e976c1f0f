namespace HostOps.Contracts.Operations.Services;

/// <summary>Input of <c>service.detail.get</c>: the service to read.</summary>
public sealed record ServiceRequest
{
    /// <summary>The unit: <c>nginx</c> or <c>nginx.service</c>.</summary>
    public required string Name { get; init; }
}
