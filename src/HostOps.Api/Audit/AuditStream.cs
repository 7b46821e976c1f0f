using System.Globalization;
using HostOps.Api.Configuration;
using HostOps.Jobs.Provisioning;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace HostOps.Api.Audit;

/// <summary>The <c>AUDIT</c> stream: entries on <c>&lt;prefix&gt;.&lt;code&gt;</c>, kept <c>max_age</c>, oldest dropped beyond <c>max_bytes</c>.</summary>
internal static class AuditStream
{
    public static string SubjectOf(AuditOptions options, int code) =>
        $"{options.SubjectPrefix}.{code.ToString(CultureInfo.InvariantCulture)}";

    public static string AllSubjects(AuditOptions options) => $"{options.SubjectPrefix}.>";

    /// <param name="jobReplicas">The job stream's replicas, which the audit stream follows unless <c>api.audit.replicas</c> is set.</param>
    public static Task EnsureAsync(NatsJSContext js, AuditOptions options, int jobReplicas, CancellationToken cancellationToken) =>
        JobResources.EnsureStreamAsync(js, "api.audit.max_bytes", new StreamConfig(options.Stream, [AllSubjects(options)])
        {
            Storage = StreamConfigStorage.File,
            NumReplicas = options.Replicas ?? jobReplicas,
            MaxAge = options.MaxAge.Value,
            MaxBytes = options.MaxBytes.Bytes,
            Discard = StreamConfigDiscard.Old,
        }, cancellationToken);
}
