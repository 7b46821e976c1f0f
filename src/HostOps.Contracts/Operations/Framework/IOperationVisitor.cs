namespace HostOps.Contracts.Operations;

/// <summary>
/// Typed access to a declaration held as <see cref="OperationDeclaration"/>: the API maps endpoints and the CLI builds
/// commands through it, with the input and result types known at compile time.
/// </summary>
public interface IOperationVisitor
{
    void Visit<TInput, TResult>(Operation<TInput, TResult> operation)
        where TInput : class
        where TResult : HostOutcome, new();
}
