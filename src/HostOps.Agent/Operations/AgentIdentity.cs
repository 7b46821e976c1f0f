using HostOps.Jobs.Configuration;
using HostOps.Providers.System;

namespace HostOps.Agent.Operations;

/// <summary>Who this agent is: its hostname (configured, else the machine's) and its labels.</summary>
public sealed record AgentIdentity(string Hostname, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The identity <c>job.worker</c> gives: <c>hostname</c>, default the kernel's hostname, and <c>labels</c>.</summary>
    public static AgentIdentity Of(JobWorkerOptions worker, HostnameProvider hostnames) =>
        new(string.IsNullOrWhiteSpace(worker.Hostname) ? hostnames.Read() : worker.Hostname, new Dictionary<string, string>(worker.Labels, StringComparer.Ordinal));
}
