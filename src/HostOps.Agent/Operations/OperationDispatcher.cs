namespace HostOps.Agent.Operations;

/// <summary>Finds the handler of an operation type among the registered <see cref="IOperationHandler"/>s.</summary>
public sealed class OperationDispatcher
{
    private readonly Dictionary<string, IOperationHandler> _handlers;

    // The last registration of a type wins, so a host (or a test) can replace a shipped handler.
    public OperationDispatcher(IEnumerable<IOperationHandler> handlers)
    {
        _handlers = new Dictionary<string, IOperationHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            _handlers[handler.OperationType] = handler;
        }
    }

    public IReadOnlyCollection<string> OperationTypes => _handlers.Keys;

    public IOperationHandler? Find(string operationType) => _handlers.GetValueOrDefault(operationType);
}
