namespace HostOps.Contracts.Operations;

/// <summary>
/// The input of an operation that changes hosts. With <see cref="DryRun"/> the agent answers what it would change
/// (<c>changed</c>) and changes nothing.
/// </summary>
public record ChangeRequest
{
    /// <summary>The JSON name of <see cref="DryRun"/>, for declarations' help.</summary>
    public const string DryRunField = "dry_run";

    public bool DryRun { get; init; }
}
