using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Files;
using HostOps.Jobs.Files;
using HostOps.Providers.Files;

namespace HostOps.Agent.Operations.Files;

/// <summary><c>file.deploy.do</c>: writes a stored file to a path of this host, its sha256 checked before the rename.</summary>
internal sealed class FileDeployHandler(AgentIdentity identity, FileWriter writer, FileStore store)
    : DeclaredOperationHandler<FileDeployRequest, FileWriteResult>(identity)
{
    protected override Operation<FileDeployRequest, FileWriteResult> Operation => FileOperations.Deploy;

    protected override Task<FileWriteResult> RunAsync(FileDeployRequest input, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            new FileWrite(input.Path, input.Mode, input.Owner, input.Group, input.DryRun), new StoredFileSource(store, input.Name), cancellationToken);
}
