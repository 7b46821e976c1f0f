namespace HostOps.Contracts.Operations;

/// <summary>
/// Every declared operation. The list is generated at build time from the <see cref="Operation{TInput, TResult}"/>
/// fields of this assembly (src/HostOps.Generators), so adding an operation edits no list.
/// </summary>
public static partial class OperationCatalog
{
    private static readonly Lazy<IReadOnlyList<OperationDeclaration>> Operations = new(Declared);

    private static readonly Lazy<Dictionary<string, OperationDeclaration>> ByType =
        new(() => Operations.Value.ToDictionary(o => o.Type, StringComparer.Ordinal));

    public static IReadOnlyList<OperationDeclaration> All => Operations.Value;

    public static OperationDeclaration? Find(string? type) =>
        type is not null && ByType.Value.TryGetValue(type, out var operation) ? operation : null;

    private static partial IReadOnlyList<OperationDeclaration> Declared();
}
