using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using HostOps.Contracts.Operations;

namespace HostOps.Api.Operations;

/// <summary>
/// Builds a declared operation's input from one request: the JSON body (POST, PUT), the route's values, and for
/// the other methods the query string (POST and PUT take only <c>target_hostname</c> there), each word typed by the input's property (<see cref="OperationValues"/>). A query parameter the
/// input does not have is refused, so a mistyped <c>?line=5</c> is a 400 rather than silently ignored.
/// </summary>
internal static class OperationRequestReader
{
    public const string TargetParameter = "target_hostname";

    /// <summary>The input, or null with an error naming the field.</summary>
    public static async Task<(T? Input, string? Error)> ReadAsync<T>(HttpContext http, OperationDeclaration operation, JsonTypeInfo<T> input)
        where T : class
    {
        var values = new JsonObject();
        if (operation.HasBody && (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0))
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            }
            catch (JsonException e)
            {
                return (null, $"body: is not valid JSON ({e.Message.Split('.')[0]})");
            }

            if (body is not JsonObject given)
            {
                return (null, "body: must be a JSON object");
            }

            values = given;
        }

        var properties = OperationValues.Properties(input);
        foreach (var (name, value) in http.Request.RouteValues)
        {
            if (properties.TryGetValue(name, out var property) && value is string word)
            {
                var node = OperationValues.FromText(property, [word], out var error);
                if (error is not null)
                {
                    return (null, error);
                }

                values[name] = node;
            }
        }

        foreach (var (name, words) in http.Request.Query)
        {
            if (name == TargetParameter)
            {
                continue;
            }

            if (operation.HasBody)
            {
                return (null, $"{name}: unknown query parameter ({operation.Method} takes {TargetParameter} only; the input goes in the body)");
            }

            if (!properties.TryGetValue(name, out var property) || operation.RouteParameters.Contains(name))
            {
                var known = properties.Keys.Where(k => !operation.RouteParameters.Contains(k)).Prepend(TargetParameter);
                return (null, $"{name}: unknown query parameter (known: {string.Join(", ", known)})");
            }

            var node = OperationValues.FromText(property, [.. words.OfType<string>()], out var error);
            if (error is not null)
            {
                return (null, error);
            }

            values[name] = node;
        }

        var read = OperationValues.Read(values, input, out var invalid);
        return (read, invalid);
    }
}
