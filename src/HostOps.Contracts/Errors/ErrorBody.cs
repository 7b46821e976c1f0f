namespace HostOps.Contracts.Errors;

/// <summary>The error body of every 4xx/5xx answer: <c>{"error","details","code"}</c>.</summary>
public sealed record ErrorBody(string Error, string? Details, int Code);
