namespace HostOps.Contracts.Operations;

/// <summary>The input of an operation that takes none: the job's data must be empty (<c>{}</c> or <c>null</c>).</summary>
public sealed record NoInput;
