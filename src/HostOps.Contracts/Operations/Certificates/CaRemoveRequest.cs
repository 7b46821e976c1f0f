namespace HostOps.Contracts.Operations.Certificates;

/// <summary>Input of <c>certificate.ca.remove.do</c>: the HostOps-installed CA to remove.</summary>
public sealed record CaRemoveRequest : ChangeRequest
{
    public required string Name { get; init; }
}
