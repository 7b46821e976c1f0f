using System.Text.Json;
using HostOps.Contracts.Operations;

namespace HostOps.Agent.Operations;

/// <summary>
/// The agent's side of a declared operation: reads and checks the input by the declaration (the same rules the API
/// applied), runs <see cref="RunAsync"/>, and answers the item with this agent's hostname. A provider's refusal
/// (<c>HostProviderException</c>) fails the job with its reason. Every non-abstract subclass in this assembly is
/// registered by itself (a generated <c>AddDeclaredHandlers</c>).
/// </summary>
public abstract class DeclaredOperationHandler<TInput, TResult>(AgentIdentity identity) : IOperationHandler
    where TInput : class
    where TResult : HostOutcome, new()
{
    public string OperationType => Operation.Type;

    /// <summary>The declaration this handler runs.</summary>
    protected abstract Operation<TInput, TResult> Operation { get; }

    public async Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var input = Operation.ReadData(data, out var invalid) ?? throw new OperationFailedException(invalid!);
        var result = await ProviderCall.RunAsync(() => RunAsync(input, cancellationToken));
        return JsonSerializer.SerializeToElement(result with { Hostname = identity.Hostname }, Operation.Result);
    }

    /// <summary>Runs the operation on this host. An operation that changes the host honours <see cref="ChangeRequest.DryRun"/>.</summary>
    protected abstract Task<TResult> RunAsync(TInput input, CancellationToken cancellationToken);
}
