using System.CommandLine;
using HostOps.Contracts.Operations;

namespace HostOps.Cli.Commands.Client.Declared;

/// <summary>
/// Adds one command per declared operation (<see cref="OperationCatalog"/>) under <c>hostops client</c>: the area's
/// group (made when missing, joined when it exists, like <c>system</c>), then the declaration's verb words; a
/// declaration without verb words is run by the area's group itself (<c>hostops client log</c>).
/// </summary>
internal static class DeclaredOperationCommands
{
    public static Command AddDeclaredOperations(this Command client)
    {
        var builder = new Builder(client);
        foreach (var operation in OperationCatalog.All)
        {
            operation.Accept(builder);
        }

        return client;
    }

    private sealed class Builder(Command client) : IOperationVisitor
    {
        public void Visit<TInput, TResult>(Operation<TInput, TResult> operation)
            where TInput : class
            where TResult : HostOutcome, new()
        {
            var parent = Child(client, operation.Area.Name, operation.Area.Description);
            foreach (var word in operation.Verb.SkipLast(1))
            {
                parent = Child(parent, word, $"{word} of the hosts.");
            }

            var command = new DeclaredOperationCommand<TInput, TResult>(operation);
            if (operation.Verb.Count == 0)
            {
                command.AttachTo(parent);
                parent.Description = $"{operation.Area.Description} Without a command: {char.ToLowerInvariant(operation.Summary[0])}{operation.Summary[1..]} ({operation.Method} {operation.Route})";
            }
            else
            {
                parent.Subcommands.Add(command.Create());
            }
        }

        private static Command Child(Command parent, string name, string description)
        {
            if (parent.Subcommands.FirstOrDefault(c => c.Name == name) is { } existing)
            {
                return existing;
            }

            var made = new Command(name, description);
            parent.Subcommands.Add(made);
            return made;
        }
    }
}
