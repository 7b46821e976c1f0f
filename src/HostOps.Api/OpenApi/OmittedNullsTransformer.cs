using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HostOps.Api.OpenApi;

/// <summary>
/// Nulls are left out of every body (the shared JSON context writes no nulls), so a nullable property is never
/// present as null: it is optional, not required. Without this the document would call e.g. <c>jobs</c> of
/// <c>/health/status</c> required although the seed (and the NATS-down answer) leave it out. Runs on the finished
/// document because nullable references are only wrapped in <c>oneOf</c> once schemas are componentised.
/// </summary>
internal sealed class OmittedNullsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            if (schema is not OpenApiSchema { Properties: { } properties, Required: { Count: > 0 } required })
            {
                continue;
            }

            foreach (var (name, property) in properties)
            {
                if (IsNullable(property))
                {
                    required.Remove(name);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || schema.OneOf?.Any(s => s.Type is { } t && t.HasFlag(JsonSchemaType.Null)) == true
        || schema.AnyOf?.Any(s => s.Type is { } t && t.HasFlag(JsonSchemaType.Null)) == true;
}
