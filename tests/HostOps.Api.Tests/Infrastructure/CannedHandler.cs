using System.Text.Json;
using HostOps.Agent.Operations;

namespace HostOps.Api.Tests.Infrastructure;

/// <summary>An operation handler with a fixed answer: the agent runs for real, the host is never touched.</summary>
internal sealed class CannedHandler(string operationType, Func<JsonElement?, JsonElement> answer) : IOperationHandler
{
    public string OperationType => operationType;

    public int Calls { get; private set; }

    public Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(answer(data));
    }
}
