using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HostOps.Contracts.Operations;

/// <summary>
/// An operation declaration with its types: a <c>static readonly</c> field of this type in HostOps.Contracts is an
/// operation (the catalog is generated from them, see <see cref="OperationCatalog"/>).
/// </summary>
/// <typeparam name="TInput">The job's data; <see cref="NoInput"/> when it takes none, a <see cref="ChangeRequest"/> when it changes hosts.</typeparam>
/// <typeparam name="TResult">Each host's item: a <see cref="HostOutcome"/> with the operation's data.</typeparam>
public sealed class Operation<TInput, TResult> : OperationDeclaration
    where TInput : class
    where TResult : HostOutcome, new()
{
    public required JsonTypeInfo<TInput> Input { get; init; }

    public required JsonTypeInfo<TResult> Result { get; init; }

    public required JsonTypeInfo<NodeResults<TResult>> Results { get; init; }

    /// <summary>A valid input (<c>new NoInput()</c> for none): the tests call every endpoint with it, and the docs show it.</summary>
    public required TInput Example { get; init; }

    /// <summary>Rules beyond the types (the same on the API, in <c>POST /job</c>, in the CLI and on the agent): an error naming the field, or null.</summary>
    public Func<TInput, string?> Validate { get; init; } = _ => null;

    /// <summary>
    /// Rules that depend on how long the operation's endpoint waits for its answer (the second argument,
    /// <c>api.server.job_timeout</c>), checked after <see cref="Validate"/> by the endpoint only (<c>POST /job</c> does
    /// not wait): an error naming the field, or null. An input that could only ever answer 504 is refused up front.
    /// </summary>
    public Func<TInput, TimeSpan, string?> ValidateWait { get; init; } = (_, _) => null;

    /// <summary>
    /// Turns a checked input into what the job stores, on the API only (every job, whether from the operation's
    /// endpoint or <c>POST /job</c>, before it is stored): e.g. a plaintext password into its hash, so the plaintext is
    /// never stored, logged or sent to an agent. Its output must pass <see cref="Validate"/> too. Null: stored as given.
    /// </summary>
    public Func<TInput, TInput>? Prepare { get; init; }

    public override JsonTypeInfo InputInfo => Input;

    public override JsonTypeInfo ResultInfo => Result;

    public override void Accept(IOperationVisitor visitor) => visitor.Visit(this);

    public override string? ValidateData(JsonElement? data)
    {
        ReadData(data, out var error);
        return error;
    }

    public override JsonElement? PrepareData(JsonElement? data) =>
        Prepare is not null && ReadData(data, out _) is { } input ? JsonSerializer.SerializeToElement(Prepare(input), Input) : data;

    /// <summary>
    /// Reads a job's <c>data</c> as the input and checks it by <see cref="Validate"/>: the input, or null with an
    /// error naming the field (<c>data.name: …</c>).
    /// </summary>
    public TInput? ReadData(JsonElement? data, out string? error)
    {
        error = null;
        if (typeof(TInput) == typeof(NoInput))
        {
            var empty = data is null || data.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
                || (data.Value.ValueKind == JsonValueKind.Object && !data.Value.EnumerateObject().Any());
            error = empty ? null : $"data: {Type} takes no input (leave data out, or send {{}} or null)";
            return empty ? (TInput)(object)new NoInput() : null;
        }

        if (data is not { ValueKind: JsonValueKind.Object } element)
        {
            error = "data: is required (a JSON object)";
            return null;
        }

        var read = OperationValues.Read(element, Input, out var invalid);
        error = read is null ? $"data.{invalid}" : Validate(read) is { } refused ? $"data.{refused}" : null;
        return error is null ? read : null;
    }

    /// <summary>The item of a host that failed, for the answer to list it with its error.</summary>
    public TResult Failure(string hostname, string? error) =>
        new() { Hostname = hostname, Status = OutcomeStatus.Failed, Error = error };
}
