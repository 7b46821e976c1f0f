using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HostOps.Api.OpenApi;

/// <summary>Gives each declared answer the description set on its endpoint metadata instead of the bare reason phrase.</summary>
internal sealed class ResponseDescriptionTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var described = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<ProducesResponseTypeMetadata>()
            .Where(m => !string.IsNullOrEmpty(m.Description))
            .GroupBy(m => m.StatusCode)
            .ToDictionary(g => g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g => g.Last().Description!);
        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (described.TryGetValue(code, out var description) && response is OpenApiResponse concrete)
            {
                concrete.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
