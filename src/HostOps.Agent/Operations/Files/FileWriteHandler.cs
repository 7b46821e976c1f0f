using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Files;
using HostOps.Jobs.Files;
using HostOps.Providers.Files;

namespace HostOps.Agent.Operations.Files;

/// <summary><c>fs.content.set</c>: writes inline content, or a stored file the same way a deploy does.</summary>
internal sealed class FileWriteHandler(AgentIdentity identity, FileWriter writer, FileStore store)
    : DeclaredOperationHandler<FileWriteRequest, FileWriteResult>(identity)
{
    protected override Operation<FileWriteRequest, FileWriteResult> Operation => FileOperations.Write;

    protected override Task<FileWriteResult> RunAsync(FileWriteRequest input, CancellationToken cancellationToken)
    {
        IFileSource source = input.File is { } name
            ? new StoredFileSource(store, name)
            : new InlineFileSource(FileRules.Bytes(input.Content!, input.Encoding)!);
        return writer.WriteAsync(new FileWrite(input.Path, input.Mode, input.Owner, input.Group, input.DryRun), source, cancellationToken);
    }
}
