using HostOps.Contracts.Text;

namespace HostOps.Jobs.Store;

/// <summary>A stream or bucket has no room for a write; the message names it, its limit and the key that raises it.</summary>
public sealed class JobStoreFullException(string resource, long limit, string key, string frees)
    : Exception(Describe(resource, limit, key, frees))
{
    public string Resource { get; } = resource;

    /// <summary>"KV bucket jobs is full (max_bytes 4KiB): nothing new is stored until …; raise job.kv.max_bytes".</summary>
    public static string Describe(string resource, long limit, string key, string frees) =>
        $"{resource} is full (max_bytes {ByteSizeText.Format(limit)}): nothing new is stored until {frees}; raise {key}";
}
