using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Files;
using HostOps.Providers.Files;

namespace HostOps.Agent.Operations.Files;

/// <summary><c>fs.delete.do</c>: removes a file of this host.</summary>
internal sealed class FileDeleteHandler(AgentIdentity identity, FileWriter writer)
    : DeclaredOperationHandler<FileDeleteRequest, FileDeleteResult>(identity)
{
    protected override Operation<FileDeleteRequest, FileDeleteResult> Operation => FileOperations.Delete;

    protected override Task<FileDeleteResult> RunAsync(FileDeleteRequest input, CancellationToken cancellationToken) =>
        writer.DeleteAsync(input.Path, input.DryRun, cancellationToken);
}
