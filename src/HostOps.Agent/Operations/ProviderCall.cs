using HostOps.Providers;

namespace HostOps.Agent.Operations;

/// <summary>A provider that cannot work on this host fails the job with its reason; a retry elsewhere would not help this host.</summary>
internal static class ProviderCall
{
    public static T Run<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (HostProviderException e)
        {
            throw new OperationFailedException(e.Message, e);
        }
    }

    public static async Task<T> RunAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (HostProviderException e)
        {
            throw new OperationFailedException(e.Message, e);
        }
    }
}
