using HostOps.Api.Cluster;
using HostOps.Api.Configuration;
using HostOps.Api.Errors;
using HostOps.Api.Security;
using HostOps.Contracts.Cluster;
using HostOps.Contracts.Errors;
using HostOps.Contracts.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Endpoints.Cluster;

/// <summary>
/// <c>POST /cluster/join</c>: a new server of the NATS cluster takes what the servers share (control-plane identity,
/// route secret, CA) with a single-use server join token (<c>hostops token generate --server</c>). The answer holds
/// secrets: it is given only over HTTPS, or to a caller on this machine.
/// </summary>
internal static class ClusterEndpoints
{
    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("").WithTags("Cluster")
            .MapPost("/cluster/join", JoinAsync)
            .AllowAnonymous()
            .WithName("JoinCluster")
            .WithSummary("A new nats-server of the cluster takes the material the servers share, with a single-use server join token.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    private static async Task<Results<Ok<ServerJoinResponse>, JsonHttpResult<ErrorBody>>> JoinAsync(
        ServerJoinRequest? request, HttpContext http, IOptions<ApiServerOptions> api, IServiceProvider services)
    {
        if (request?.JoinToken is not { Length: > 0 } token)
        {
            return ApiErrors.Invalid("join_token", "required: a server join token (hostops token generate --server)");
        }

        if (!http.Request.IsHttps && http.Connection.RemoteIpAddress is { } remote && !global::System.Net.IPAddress.IsLoopback(remote))
        {
            return ApiErrors.Status(StatusCodes.Status403Forbidden, "the cluster's material is handed out only over HTTPS (api.server.tls) or on this machine");
        }

        if (await JoinTokens.ValidateAsync(token, api.Value.Security.SigningKey, TokenAudiences.ServerJoin) is not { } grant)
        {
            return ApiErrors.Status(StatusCodes.Status403Forbidden, "join_token: not valid (expired, not signed by this control plane, or not a server join token)");
        }

        if (services.GetService<ClusterMaterial>()?.Read() is not { } material)
        {
            return ApiErrors.NotFound("this API does not run beside a clustered managed nats-server (nats.server.cluster.name)");
        }

        return services.GetRequiredService<ClusterMaterial>().TryUse(grant.Id)
            ? TypedResults.Ok(material)
            : ApiErrors.Status(StatusCodes.Status409Conflict, "the server join token has already been used; make a new one with hostops token generate --server");
    }
}
