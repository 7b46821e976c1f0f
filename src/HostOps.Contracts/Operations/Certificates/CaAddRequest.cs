namespace HostOps.Contracts.Operations.Certificates;

/// <summary>Input of <c>certificate.ca.add.do</c>: the CA's name in the trust store and its PEM certificate.</summary>
public sealed record CaAddRequest : ChangeRequest
{
    public required string Name { get; init; }

    /// <summary>One X.509 CA certificate, PEM (<c>-----BEGIN CERTIFICATE-----</c> …).</summary>
    public required string Pem { get; init; }
}
