using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Files;
using HostOps.Providers.Files;

namespace HostOps.Agent.Operations.Files;

/// <summary><c>fs.content.get</c>: a file of this host, base64.</summary>
internal sealed class FileContentHandler(AgentIdentity identity, FileReader reader)
    : DeclaredOperationHandler<FilePathRequest, FileContentResult>(identity)
{
    protected override Operation<FilePathRequest, FileContentResult> Operation => FileOperations.Content;

    protected override Task<FileContentResult> RunAsync(FilePathRequest input, CancellationToken cancellationToken) =>
        reader.ReadAsync(input.Path, cancellationToken);
}
