namespace HostOps.Api.Health;

/// <summary>One bounded read for the health report: its value, or why there is none.</summary>
internal readonly record struct Attempt<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>
    /// Runs <paramref name="read"/> for at most <paramref name="timeout"/>. <c>WaitAsync</c> guarantees the bound even
    /// when a client call does not honour its token, which is what keeps the health answer fast with NATS down.
    /// </summary>
    public static async Task<Attempt<T>> RunAsync(string what, Func<CancellationToken, Task<T>> read, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            return new Attempt<T>(await read(bounded.Token).WaitAsync(bounded.Token), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt<T>(default, $"{what}: no answer within {timeout.TotalMilliseconds:0} ms");
        }
#pragma warning disable CA1031 // Any failure of a probed dependency is reported in the body, never thrown.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new Attempt<T>(default, $"{what}: {e.Message}");
        }
    }
}
