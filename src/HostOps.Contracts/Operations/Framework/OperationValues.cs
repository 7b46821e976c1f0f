using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace HostOps.Contracts.Operations;

/// <summary>
/// Turns the words of a route, a query string or a command line into an operation's input, by the types of its
/// JSON properties (source-generated metadata, no reflection): <c>?lines=50</c> becomes the number 50,
/// <c>?unit=a&amp;unit=b</c> a list, <c>--env K=V</c> a map entry. Every error names the property.
/// </summary>
public static class OperationValues
{
    /// <summary>The input's properties by JSON name (snake_case).</summary>
    public static IReadOnlyDictionary<string, JsonPropertyInfo> Properties(JsonTypeInfo input) =>
        input.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Reads <paramref name="element"/> as the input; null with <paramref name="error"/> (<c>field: why</c>) when it does not fit.</summary>
    public static T? Read<T>(JsonElement element, JsonTypeInfo<T> input, out string? error)
        where T : class => Read(() => element.Deserialize(input), out error);

    /// <summary>Reads the values gathered from a request or a command line as the input.</summary>
    public static T? Read<T>(JsonObject values, JsonTypeInfo<T> input, out string? error)
        where T : class => Read(() => values.Deserialize(input), out error);

    private static T? Read<T>(Func<T?> deserialize, out string? error)
        where T : class
    {
        try
        {
            var value = deserialize();
            error = value is null ? "body: is required (a JSON object)" : null;
            return value;
        }
        catch (JsonException e)
        {
            error = MissingRequired(e.Message) is { } missing ? $"{missing}: is required" : $"{FieldOf(e.Path)}: {Reason(e)}";
            return null;
        }
    }

    /// <summary>
    /// The JSON value of a property given as text: one word for a scalar, every word for a list or map. Null with
    /// <paramref name="error"/> when a word does not fit the property's type.
    /// </summary>
    public static JsonNode? FromText(JsonPropertyInfo property, IReadOnlyList<string> words, out string? error)
    {
        error = null;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (IsMap(type))
        {
            var map = new JsonObject();
            foreach (var word in words)
            {
                var equals = word.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    error = $"{property.Name}: '{word}' is not KEY=VALUE";
                    return null;
                }

                map[word[..equals]] = word[(equals + 1)..];
            }

            return map;
        }

        if (IsList(type))
        {
            return new JsonArray([.. words.Select(w => (JsonNode?)JsonValue.Create(w))]);
        }

        if (words.Count != 1)
        {
            error = $"{property.Name}: takes one value, got {words.Count}";
            return null;
        }

        var text = words[0];
        if (type == typeof(string))
        {
            return JsonValue.Create(text);
        }

        if (type == typeof(bool))
        {
            return text switch
            {
                "true" or "1" => JsonValue.Create(true),
                "false" or "0" => JsonValue.Create(false),
                _ => Fail($"'{text}' is not true or false", out error),
            };
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                && (type == typeof(long) || number is >= int.MinValue and <= int.MaxValue)
                ? JsonValue.Create(number)
                : Fail($"'{text}' is not a whole number", out error);
        }

        if (type == typeof(double))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : Fail($"'{text}' is not a number", out error);
        }

        return Fail($"cannot be given as text ({type.Name})", out error);

        JsonNode? Fail(string why, out string? message)
        {
            message = $"{property.Name}: {why}";
            return null;
        }
    }

    /// <summary>A property's JSON value as the words of a query string (the SDK's side of <see cref="FromText"/>).</summary>
    public static IEnumerable<string> ToText(JsonNode? value) => value switch
    {
        null => [],
        JsonArray list => list.SelectMany(ToText),
        JsonObject map => map.Select(p => $"{p.Key}={p.Value?.ToString()}"),
        JsonValue scalar when scalar.GetValueKind() is JsonValueKind.True or JsonValueKind.False => [scalar.GetValueKind() == JsonValueKind.True ? "true" : "false"],
        _ => [value.ToString()],
    };

    public static bool IsList(Type type) =>
        type != typeof(string) && !IsMap(type) && (type.IsArray || (type.IsGenericType && type.GetGenericArguments().Length == 1
            && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)));

    public static bool IsMap(Type type) =>
        type.IsGenericType && type.GetGenericArguments().Length == 2 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    // "$.pid" → "pid", "$.env.HOME" → "env.HOME", "$" or none → "body".
    private static string FieldOf(string? path) =>
        path is null || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    // "…missing required properties including: 'name'." → "name".
    private static string? MissingRequired(string message)
    {
        const string Marker = "including: ";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        return message.Contains("missing required properties", StringComparison.Ordinal) && at >= 0
            ? message[(at + Marker.Length)..].TrimEnd('.').Replace("'", "", StringComparison.Ordinal)
            : null;
    }

    private static string Reason(JsonException e) =>
        e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong type" : "is not valid JSON for this field";
}
