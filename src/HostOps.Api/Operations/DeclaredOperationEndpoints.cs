using System.Text.Json;
using HostOps.Api.Configuration;
using HostOps.Api.Endpoints;
using HostOps.Api.Errors;
using HostOps.Contracts.Operations;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Operations;

/// <summary>
/// One endpoint per declared operation (<see cref="OperationCatalog"/>): its route and method, its scope, the input
/// read from body, route and query (<see cref="OperationRequestReader"/>) and checked by the declaration's rules
/// (those of <see cref="Operation{TInput, TResult}.ValidateWait"/> against <c>api.server.job_timeout</c> too),
/// then one job run on the targeted hosts (<see cref="NodeOperationRunner"/>). A host that failed is listed with
/// <c>status: failed</c> and its error; when no host succeeded the answer is 502 with every host's error. The OpenAPI entry follows from the same declaration.
/// </summary>
internal static class DeclaredOperationEndpoints
{
    public static IEndpointRouteBuilder MapDeclaredOperations(this IEndpointRouteBuilder routes)
    {
        var mapper = new Mapper(routes);
        foreach (var operation in OperationCatalog.All)
        {
            operation.Accept(mapper);
        }

        return routes;
    }

    private sealed class Mapper(IEndpointRouteBuilder routes) : IOperationVisitor
    {
        public void Visit<TInput, TResult>(Operation<TInput, TResult> operation)
            where TInput : class
            where TResult : HostOutcome, new()
        {
            var endpoint = routes.MapMethods(operation.Route, [operation.Method], (HttpContext http, NodeOperationRunner runner, IOptions<ApiServerOptions> options) =>
                    RunAsync(http, runner, options.Value.JobTimeout.Value, operation))
                .WithTags(operation.Area.Tag)
                .WithName(operation.EndpointName)
                .WithSummary(operation.Summary)
                .RequireScope(operation.Scope)
                .AddEndpointFilter<NatsAvailabilityFilter>()
                .Produces<NodeResults<TResult>>(StatusCodes.Status200OK, "application/json")
                .ProducesNodeOperationErrors()
                .ProducesErrors(StatusCodes.Status503ServiceUnavailable)
                .AddOpenApiOperationTransformer(new DeclaredOperationDocument(operation).TransformAsync);
            if (operation.HasBody)
            {
                endpoint.Accepts<TInput>("application/json").ProducesErrors(StatusCodes.Status413PayloadTooLarge);
            }
        }

        private static async Task<IResult> RunAsync<TInput, TResult>(HttpContext http, NodeOperationRunner runner, TimeSpan jobTimeout, Operation<TInput, TResult> operation)
            where TInput : class
            where TResult : HostOutcome, new()
        {
            var (input, error) = await OperationRequestReader.ReadAsync(http, operation, operation.Input);
            if (input is null || (error ??= operation.Validate(input) ?? operation.ValidateWait(input, jobTimeout)) is not null)
            {
                return ApiErrors.Invalid(error ?? "body: is required");
            }

            var data = typeof(TInput) == typeof(NoInput) ? (JsonElement?)null : JsonSerializer.SerializeToElement(input, operation.Input);
            var target = http.Request.Query[OperationRequestReader.TargetParameter].ToString();
            var run = await runner.RunAsync(
                operation.Type, data, target, operation.Result, failed => operation.Failure(failed.Hostname, failed.Error ?? failed.Status), http.RequestAborted);
            return run.Error is { } failure ? failure : TypedResults.Json(run.Results, operation.Results);
        }
    }
}
