using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Time;
using HostOps.Providers.Time;

namespace HostOps.Agent.Operations.Time;

/// <summary><c>ntp.set.do</c>.</summary>
internal sealed class NtpSetHandler(AgentIdentity identity, NtpClient ntp)
    : DeclaredOperationHandler<NtpSetRequest, NtpResult>(identity)
{
    protected override Operation<NtpSetRequest, NtpResult> Operation => TimeOperations.NtpSet;

    protected override Task<NtpResult> RunAsync(NtpSetRequest input, CancellationToken cancellationToken) =>
        ntp.SetAsync(input.Servers, input.DryRun, cancellationToken);
}
