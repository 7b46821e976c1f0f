using System.Text.Json;

namespace HostOps.Agent.Operations;

/// <summary>
/// Runs one operation type on this host. Register each handler with
/// <c>services.AddOperationHandler&lt;T&gt;()</c>; the agent finds it by <see cref="OperationType"/>, so adding an
/// operation never edits a central switch.
/// A handler reports a failure the job should record (bad input, not possible on this host) by throwing
/// <see cref="OperationFailedException"/>; any other exception is treated as transient and retried.
/// Handlers must be idempotent: JetStream delivers at least once.
/// </summary>
public interface IOperationHandler
{
    string OperationType { get; }

    /// <summary>Returns the result item (it names this agent's hostname) serialised with the shared JSON context.</summary>
    Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken);
}
