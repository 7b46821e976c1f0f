using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Time;
using HostOps.Providers.Time;

namespace HostOps.Agent.Operations.Time;

/// <summary><c>ntp.status.get</c>.</summary>
internal sealed class NtpGetHandler(AgentIdentity identity, NtpClient ntp)
    : DeclaredOperationHandler<NoInput, NtpResult>(identity)
{
    protected override Operation<NoInput, NtpResult> Operation => TimeOperations.NtpGet;

    protected override Task<NtpResult> RunAsync(NoInput input, CancellationToken cancellationToken) => ntp.ReadAsync(cancellationToken);
}
