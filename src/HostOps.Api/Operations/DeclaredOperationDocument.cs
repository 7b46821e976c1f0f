using System.Text.Json.Serialization.Metadata;
using HostOps.Contracts.Operations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HostOps.Api.Operations;

/// <summary>
/// The OpenAPI parameters of a declared operation's endpoint, from its declaration: the route's parameters, the
/// input's other properties as query parameters when it has no body, and <c>target_hostname</c>; each described by
/// the declaration's <see cref="OperationDeclaration.Help"/>.
/// </summary>
internal sealed class DeclaredOperationDocument(OperationDeclaration operation)
{
    private const string TargetHelp = "_any (default), _all, a hostname, or a label key:value";

    public Task TransformAsync(OpenApiOperation document, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var parameters = new List<IOpenApiParameter>();
        var properties = OperationValues.Properties(operation.InputInfo);
        foreach (var name in operation.RouteParameters)
        {
            parameters.Add(Parameter(name, ParameterLocation.Path, properties.GetValueOrDefault(name), required: true));
        }

        if (!operation.HasBody)
        {
            parameters.AddRange(properties.Values
                .Where(p => !operation.RouteParameters.Contains(p.Name))
                .Select(p => Parameter(p.Name, ParameterLocation.Query, p, p.IsRequired)));
        }

        parameters.Add(new OpenApiParameter
        {
            Name = OperationRequestReader.TargetParameter,
            In = ParameterLocation.Query,
            Description = TargetHelp,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        document.Parameters = parameters;
        return Task.CompletedTask;
    }

    private OpenApiParameter Parameter(string name, ParameterLocation location, JsonPropertyInfo? property, bool required) => new()
    {
        Name = name,
        In = location,
        Required = required,
        Description = operation.Help.GetValueOrDefault(name),
        Schema = Schema(property?.PropertyType ?? typeof(string)),
    };

    private static OpenApiSchema Schema(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (OperationValues.IsList(type))
        {
            return new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } };
        }

        return new OpenApiSchema
        {
            Type = type == typeof(bool) ? JsonSchemaType.Boolean
                : type == typeof(int) || type == typeof(long) ? JsonSchemaType.Integer
                : type == typeof(double) ? JsonSchemaType.Number
                : JsonSchemaType.String,
        };
    }
}
