namespace HostOps.Bench;

/// <summary>Disposes what was added, last first: the workloads before the servers they run on.</summary>
internal sealed class AsyncDisposables : IAsyncDisposable
{
    private readonly Stack<IAsyncDisposable> _items = new();

    public T Add<T>(T item)
        where T : IAsyncDisposable
    {
        _items.Push(item);
        return item;
    }

    public async ValueTask DisposeAsync()
    {
        while (_items.TryPop(out var item))
        {
            await item.DisposeAsync();
        }
    }
}
