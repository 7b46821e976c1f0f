using HostOps.Contracts.Operations;
using HostOps.Contracts.Security;

namespace HostOps.Api.Operations;

/// <summary>
/// The scope an operation needs however it is submitted (a declared operation names its own), so <c>POST /job</c> never grants more than the
/// operation's own endpoint. Unknown suffixes count as modifications: when in doubt, ask for more.
/// </summary>
internal static class OperationScopes
{
    public static string Required(string operationType) =>
        OperationCatalog.Find(operationType)?.Scope ?? (operationType == OperationTypes.PingDo || OperationTypes.IsModification(operationType) != false
            ? Scopes.Write // ping is a query by name, but it sends traffic from the host, so its endpoint needs write
            : Scopes.Read);
}
