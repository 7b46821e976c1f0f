using System.Diagnostics;
using HostOps.Jobs.Telemetry;
using HostOps.Providers;

namespace HostOps.Agent.Operations;

/// <summary>
/// A provider that cannot work on this host fails the job with its reason; a retry elsewhere would not help this host.
/// Each call is a <c>provider.call</c> span under the job's <c>job.run</c> when traced.
/// </summary>
internal static class ProviderCall
{
    public static T Run<T>(Func<T> read)
    {
        using var span = HostOpsTelemetry.Source.StartActivity("provider.call");
        try
        {
            return read();
        }
        catch (HostProviderException e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw new OperationFailedException(e.Message, e);
        }
    }

    public static async Task<T> RunAsync<T>(Func<Task<T>> read)
    {
        using var span = HostOpsTelemetry.Source.StartActivity("provider.call");
        try
        {
            return await read();
        }
        catch (HostProviderException e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw new OperationFailedException(e.Message, e);
        }
    }
}
