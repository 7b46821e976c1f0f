using HostOps.Jobs.Configuration;
using NATS.Client.Core;

namespace HostOps.Jobs.Provisioning;

/// <summary>Creates or updates every stream and bucket the job system owns; idempotent.</summary>
public static class JobResources
{
    /// <summary>Throws <see cref="ProvisioningException"/> naming the resource that cannot be created or updated in place.</summary>
    public static Task EnsureAsync(INatsConnection connection, JobOptions options, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
