namespace HostOps.Jobs.Client;

/// <summary>What <see cref="JobClient.RetryAsync"/> did: <c>Retried</c>, <c>NotFound</c>, or <c>Conflict</c> with the reason.</summary>
public sealed record RetryOutcome(RetryResult Result, string? Reason = null, int Attempt = 0);
