using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Files;
using HostOps.Providers.Files;

namespace HostOps.Agent.Operations.Files;

/// <summary><c>fs.stat.get</c>: what a path of this host is.</summary>
internal sealed class FileStatHandler(AgentIdentity identity, FileReader reader)
    : DeclaredOperationHandler<FilePathRequest, FileStatResult>(identity)
{
    protected override Operation<FilePathRequest, FileStatResult> Operation => FileOperations.Stat;

    protected override Task<FileStatResult> RunAsync(FilePathRequest input, CancellationToken cancellationToken) =>
        reader.StatAsync(input.Path, cancellationToken);
}
