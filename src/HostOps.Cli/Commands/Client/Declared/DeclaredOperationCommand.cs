using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using HostOps.Client.Http;
using HostOps.Contracts.Operations;

namespace HostOps.Cli.Commands.Client.Declared;

/// <summary>
/// The command of one declared operation: its positional arguments (<see cref="OperationDeclaration.Positionals"/>),
/// one <c>--kebab-case</c> option per other input property (a flag for a boolean, repeatable for a list or a
/// <c>KEY=VALUE</c> map; <c>--NAME-stdin</c> for a secret, read from standard input), <c>--target</c>, and <c>--yes</c> where the declaration asks for confirmation. The words
/// become the input by the same rules as the API's query string, and the declaration's checks run before anything
/// is sent: a bad value exits 2 with the usage line.
/// </summary>
internal sealed class DeclaredOperationCommand<TInput, TResult>(Operation<TInput, TResult> operation)
    where TInput : class
    where TResult : HostOutcome, new()
{
    private static readonly Option<bool> Yes = new("--yes", "-y") { Description = "Do not ask for confirmation" };

    private readonly List<(JsonPropertyInfo Property, Argument Argument)> _arguments = [];
    private readonly List<(JsonPropertyInfo Property, Option Option)> _options = [];
    private readonly List<(JsonPropertyInfo Property, Option<bool> Flag)> _secrets = [];

    public Command Create() =>
        AttachTo(new Command(operation.Verb[^1], $"{operation.Summary} ({operation.Method} {operation.Route})"));

    /// <summary>Gives <paramref name="command"/> (a new one, or the area's group for a declaration without verb words) the operation's arguments, options and action.</summary>
    public Command AttachTo(Command command)
    {
        var properties = OperationValues.Properties(operation.Input);
        foreach (var name in operation.Positionals)
        {
            var property = properties[name];
            var argument = ArgumentFor(property);
            _arguments.Add((property, argument));
            command.Arguments.Add(argument);
        }

        foreach (var property in properties.Values.Where(p => !operation.Positionals.Contains(p.Name)))
        {
            if (operation.Secrets.Contains(property.Name))
            {
                var flag = new Option<bool>($"--{property.Name.Replace('_', '-')}-stdin") { Description = operation.Help.GetValueOrDefault(property.Name) + " (read from standard input)" };
                _secrets.Add((property, flag));
                command.Options.Add(flag);
                continue;
            }

            var option = OptionFor(property);
            _options.Add((property, option));
            command.Options.Add(option);
        }

        command.Options.Add(ClientOptions.Target);
        if (operation.Confirm)
        {
            command.Options.Add(Yes);
        }

        command.SetRunner(RunAsync);
        return command.WithExamples([.. operation.Examples]);
    }

    private async Task<int> RunAsync(CommandContext context)
    {
        var input = Input(context.Parse);
        var session = ClientSession.Open(context);
        if (operation.Confirm && !context.Parse.GetValue(Yes))
        {
            await ConfirmAsync(context, session.Target);
        }

        await session.ShowAsync(ApiRequest.For(operation, input, session.Target), operation.Results, (console, results) =>
            DeclaredResultsView.Render(console, operation, results));
        return CliApp.Ok;
    }

    private TInput Input(ParseResult parse)
    {
        var values = new JsonObject();
        foreach (var (property, argument) in _arguments)
        {
            Add(values, property, parse.GetResult(argument)?.Tokens.Select(t => t.Value).ToList() ?? []);
        }

        foreach (var (property, option) in _options)
        {
            var result = parse.GetResult(option);
            if (result is null || result.Implicit)
            {
                continue;
            }

            var words = option is Option<bool> flag ? [parse.GetValue(flag) ? "true" : "false"] : result.Tokens.Select(t => t.Value).ToList();
            Add(values, property, words);
        }

        foreach (var (property, flag) in _secrets.Where(s => parse.GetValue(s.Flag)))
        {
            values[property.Name] = ReadSecret();
        }

        var input = OperationValues.Read(values, operation.Input, out var error);
        if (input is null || (error ??= operation.Validate(input)) is not null)
        {
            throw new UsageException(ForCommandLine(error ?? "input: is required"));
        }

        return input;
    }

    private void Add(JsonObject values, JsonPropertyInfo property, List<string> words)
    {
        if (words.Count == 0)
        {
            return;
        }

        if (operation.FileArguments.Contains(property.Name))
        {
            words = [.. words.Select(path => ReadFile(property, path))];
        }

        var node = OperationValues.FromText(property, words, out var error);
        values[property.Name] = error is null ? node : throw new UsageException(ForCommandLine(error));
    }

    // A secret is the whole of standard input less one final line break (echo, a here-string and a file all end in one).
    private static string ReadSecret()
    {
        var text = Console.In.ReadToEnd();
        return text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
    }

    private string ReadFile(JsonPropertyInfo property, string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(ForCommandLine($"{property.Name}: cannot read '{path}': {e.Message}"));
        }
    }

    // "dry_run: …" → "--dry-run: …" and "name: …" → "NAME: …", so the message names what the user typed.
    private string ForCommandLine(string error)
    {
        var colon = error.IndexOf(':', StringComparison.Ordinal);
        var field = colon > 0 ? error[..colon] : "";
        return operation.Positionals.Contains(field) ? field.ToUpperInvariant() + error[colon..]
            : _options.Any(o => o.Property.Name == field) ? $"--{field.Replace('_', '-')}{error[colon..]}"
            : _secrets.Any(o => o.Property.Name == field) ? $"--{field.Replace('_', '-')}-stdin{error[colon..]}"
            : error;
    }

    private async Task ConfirmAsync(CommandContext context, string? target)
    {
        var what = $"{operation.Summary.TrimEnd('.')} on {target ?? "_any"}";
        if (Console.IsInputRedirected)
        {
            throw new UsageException($"--yes: required to {char.ToLowerInvariant(what[0])}{what[1..]} without a terminal to ask on");
        }

        await context.Error.WriteAsync($"{what}? [y/N] ");
        var answer = (await Console.In.ReadLineAsync(context.CancellationToken))?.Trim();
        if (answer is not ("y" or "Y" or "yes"))
        {
            throw new OperationCanceledException("not confirmed");
        }
    }

    private Argument ArgumentFor(JsonPropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (OperationValues.IsList(type))
        {
            return new Argument<string[]>(property.Name.ToUpperInvariant())
            {
                Description = operation.Help.GetValueOrDefault(property.Name),
                Arity = property.IsRequired ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
            };
        }

        return new Argument<string>(property.Name.ToUpperInvariant() + (operation.FileArguments.Contains(property.Name) ? "_FILE" : ""))
        {
            Description = operation.Help.GetValueOrDefault(property.Name),
            Arity = property.IsRequired ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne,
        };
    }

    private Option OptionFor(JsonPropertyInfo property)
    {
        var name = "--" + property.Name.Replace('_', '-');
        var help = operation.Help.GetValueOrDefault(property.Name);
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(bool))
        {
            return new Option<bool>(name) { Description = help };
        }

        if (OperationValues.IsList(type) || OperationValues.IsMap(type))
        {
            return new Option<string[]>(name)
            {
                Description = help + " (repeatable)",
                HelpName = OperationValues.IsMap(type) ? "KEY=VALUE" : property.Name.ToUpperInvariant(),
                Required = property.IsRequired,
            };
        }

        return new Option<string>(name)
        {
            Description = help,
            HelpName = type != typeof(string) ? "N" : property.Name.ToUpperInvariant() + (operation.FileArguments.Contains(property.Name) ? "_FILE" : ""),
            Required = property.IsRequired,
        };
    }
}
