using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HostOps.Contracts.Operations;

/// <summary>
/// Everything HostOps needs to know about one operation, declared once (docs/operations-guide.md): its job type, the
/// scope it needs, its HTTP route and CLI verb, its input and result. The API endpoint, the SDK request, the CLI
/// command, the input checks of <c>POST /job</c> and the OpenAPI entry are derived from it; the agent's handler names
/// it too. See <see cref="Operation{TInput, TResult}"/> for the typed part.
/// </summary>
public abstract class OperationDeclaration
{
    /// <summary>The job's operation type, e.g. <c>service.start.do</c>.</summary>
    public required string Type { get; init; }

    public required OperationArea Area { get; init; }

    /// <summary><c>GET</c>, <c>POST</c>, <c>PUT</c> or <c>DELETE</c>; the input travels in the body only for POST and PUT.</summary>
    public required string Method { get; init; }

    /// <summary>The route, starting with the area: <c>/service/{name}/start</c>. A <c>{name}</c> is the input property <c>name</c>.</summary>
    public required string Route { get; init; }

    /// <summary>
    /// The CLI words under the area's group: <c>["start"]</c> gives <c>hostops client service start</c>. Empty: the
    /// group runs the operation itself (<c>hostops client log --unit ssh</c>), its other commands staying below it.
    /// </summary>
    public required IReadOnlyList<string> Verb { get; init; }

    /// <summary>One sentence for the OpenAPI summary and the CLI help.</summary>
    public required string Summary { get; init; }

    /// <summary>The scope a token needs (<c>read</c>, <c>write</c> or <c>admin</c>), on its endpoint and through <c>POST /job</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>True when the operation changes hosts: its input is a <see cref="ChangeRequest"/> and the agent needs <c>HOSTOPS_ALLOW_HOST_CHANGES=1</c>.</summary>
    public bool ChangesHost { get; init; }

    /// <summary>The CLI asks before sending it unless <c>--yes</c> is given (power operations).</summary>
    public bool Confirm { get; init; }

    /// <summary>
    /// Input properties given as positional CLI arguments, in order; by default the route's parameters. A list-typed
    /// one takes every remaining word (<c>command exec -- ARGV…</c>).
    /// </summary>
    public IReadOnlyList<string>? Arguments { get; init; }

    /// <summary>
    /// Input properties whose CLI word is a file to read: the command sends the file's text (<c>ca add NAME FILE</c>
    /// sends the PEM in the file). The API and <c>POST /job</c> take the text itself.
    /// </summary>
    public IReadOnlyList<string> FileArguments { get; init; } = [];

    /// <summary>A description for each input property (by its JSON name), shown by the CLI and in OpenAPI.</summary>
    public IReadOnlyDictionary<string, string> Help { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Input properties the CLI never takes as words of its command line (where <c>ps</c> and the shell's history
    /// would show them): it reads each from standard input with <c>--NAME-stdin</c> (a password).
    /// </summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>Example command lines for the CLI help.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>The names of the route's parameters, in order: <c>["name"]</c> for <c>/service/{name}/start</c>.</summary>
    public IReadOnlyList<string> RouteParameters =>
        [.. Route.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1])];

    /// <summary>The positional CLI arguments (<see cref="Arguments"/>, else the route's parameters).</summary>
    public IReadOnlyList<string> Positionals => Arguments ?? RouteParameters;

    /// <summary>True when the input travels in the request body (POST and PUT), else in the route and query.</summary>
    public bool HasBody => Method is "POST" or "PUT";

    /// <summary>A stable endpoint name for OpenAPI: <c>PostServiceStart</c> for <c>POST /service/{name}/start</c>.</summary>
    public string EndpointName =>
        string.Concat(new[] { Method[..1] + Method[1..].ToLowerInvariant() }
            .Concat(Route.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.Trim('{', '}'))
                .SelectMany(s => s.Split('_', '-'))
                .Select(s => char.ToUpperInvariant(s[0]) + s[1..])));

    public abstract JsonTypeInfo InputInfo { get; }

    public abstract JsonTypeInfo ResultInfo { get; }

    public abstract void Accept(IOperationVisitor visitor);

    /// <summary>Checks a job's <c>data</c> as <c>POST /job</c> receives it: an error naming the field, or null.</summary>
    public abstract string? ValidateData(JsonElement? data);

    /// <summary>A checked job's <c>data</c> as the job stores it (the declaration's <c>Prepare</c>, on the API only); unchanged for most operations.</summary>
    public abstract JsonElement? PrepareData(JsonElement? data);
}
