using System.Text.RegularExpressions;
using HostOps.Api.Configuration;
using HostOps.Api.Errors;
using HostOps.Api.Security;
using HostOps.Api.Tls;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Errors;
using HostOps.Contracts.Security;
using HostOps.Jobs.Agents;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Endpoints.Agents;

/// <summary>
/// Enrollment and the agents admins see and decide on. <c>POST /agent/enroll</c> needs no bearer token: an agent
/// proves itself with a join token (accepted at once) or waits, pending, for <c>POST /agent/{hostname}/accept</c>.
/// </summary>
internal static partial class AgentEndpoints
{
    private static readonly TimeSpan LeaveClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder routes)
    {
        // No prefix on the group: a group's "" route would be "/agent/", not "/agent".
        var group = routes.MapGroup("").WithTags("Agents")
            .AddEndpointFilter<NatsAvailabilityFilter>()
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/agent/enroll", EnrollAsync)
            .AllowAnonymous()
            .WithName("EnrollAgent")
            .WithSummary("An agent enrolls its public key: accepted with a join token, pending without.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);

        group.MapPost("/agent/leave", LeaveAsync)
            .AllowAnonymous()
            .WithName("LeaveAgent")
            .WithSummary("An agent removes itself (hostops-agent uninstall), proving it holds the enrolled key by a signature.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/agent/ca", Ca)
            .AllowAnonymous()
            .WithName("GetAgentCa")
            .WithSummary("The CA bundle (PEM) that the API's and NATS's certificates chain to; a joining agent checks it against its token's fingerprint.")
            .ProducesErrors(StatusCodes.Status404NotFound);

        group.MapGet("/agent", ListAsync)
            .RequireScope(Scopes.Read)
            .WithName("ListAgents")
            .WithSummary("Every enrolled agent: state, labels, enrolled at, and whether its heartbeat lives.");

        group.MapGet("/agent/pending", PendingAsync)
            .RequireScope(Scopes.Read)
            .WithName("ListPendingAgents")
            .WithSummary("Agents waiting for an admin to accept or reject them.");

        group.MapGet("/agent/{hostname}", GetAsync)
            .RequireScope(Scopes.Read)
            .WithName("GetAgent")
            .WithSummary("One enrolled agent.")
            .ProducesErrors(StatusCodes.Status404NotFound);

        group.MapPost("/agent/{hostname}/accept", (string hostname, AgentEnrollments agents, CancellationToken ct) => DecideAsync(hostname, AgentStates.Accepted, agents, ct))
            .RequireScope(Scopes.Admin)
            .WithName("AcceptAgent")
            .WithSummary("Accept an enrolled agent: it gets its NATS identity and starts taking jobs.")
            .ProducesErrors(StatusCodes.Status404NotFound);

        group.MapPost("/agent/{hostname}/reject", (string hostname, AgentEnrollments agents, CancellationToken ct) => DecideAsync(hostname, AgentStates.Rejected, agents, ct))
            .RequireScope(Scopes.Admin)
            .WithName("RejectAgent")
            .WithSummary("Reject an enrolled agent: it gets no NATS identity (and loses the one it had).")
            .ProducesErrors(StatusCodes.Status404NotFound);

        group.MapPost("/agent/{hostname}/drain", (string hostname, AgentEnrollments agents, CancellationToken ct) => DrainAsync(hostname, true, agents, ct))
            .RequireScope(Scopes.Admin)
            .WithName("DrainAgent")
            .WithSummary("Drain an agent: it finishes the jobs it holds and takes nothing new (NATS refuses its pulls).")
            .ProducesErrors(StatusCodes.Status404NotFound);

        group.MapPost("/agent/{hostname}/undrain", (string hostname, AgentEnrollments agents, CancellationToken ct) => DrainAsync(hostname, false, agents, ct))
            .RequireScope(Scopes.Admin)
            .WithName("UndrainAgent")
            .WithSummary("Let a drained agent take jobs again.")
            .ProducesErrors(StatusCodes.Status404NotFound);

        group.MapDelete("/agent/{hostname}", RemoveAsync)
            .RequireScope(Scopes.Admin)
            .WithName("RemoveAgent")
            .WithSummary("Revoke an agent: its identity is removed and the server closes its connections at once.")
            .ProducesErrors(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Ok<EnrollAgentResponse>, Accepted<EnrollAgentResponse>, JsonHttpResult<ErrorBody>>> EnrollAsync(
        EnrollAgentRequest? request,
        AgentEnrollments agents,
        IOptions<ApiServerOptions> api,
        IOptions<NatsConnectionOptions> nats,
        CancellationToken cancellationToken)
    {
        if (InvalidIdentity(request is null, request?.Hostname, request?.PublicKey) is { } invalid)
        {
            return invalid;
        }

        var hostname = request!.Hostname!;

        JoinGrant? grant = null;
        if (request.JoinToken is { Length: > 0 } joinToken)
        {
            grant = await JoinTokens.ValidateAsync(joinToken, api.Value.Security.SigningKey);
            if (grant is null)
            {
                return ApiErrors.Status(StatusCodes.Status403Forbidden, "join_token: not valid (expired, not signed by this control plane, or not a join token)");
            }
        }

        var (enrollment, conflict) = await agents.EnrollAsync(
            hostname, request.PublicKey!, request.Labels ?? [], request.MachineId, grant, cancellationToken);
        if (enrollment is null)
        {
            return ApiErrors.Status(StatusCodes.Status409Conflict, conflict);
        }

        var response = new EnrollAgentResponse(
            enrollment.Hostname, enrollment.State, nats.Value.Url.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            AgentPermissions.InboxPrefix(enrollment.Hostname), enrollment.Labels);
        return enrollment.State == AgentStates.Accepted ? TypedResults.Ok(response) : TypedResults.Accepted((string?)null, response);
    }

    // The same revocation as DELETE /agent/{hostname}, asked for by the agent itself with its key instead of a token.
    private static async Task<Results<NoContent, JsonHttpResult<ErrorBody>>> LeaveAsync(
        LeaveAgentRequest? request, AgentEnrollments agents, TimeProvider time, CancellationToken cancellationToken)
    {
        if (InvalidIdentity(request is null, request?.Hostname, request?.PublicKey) is { } invalid)
        {
            return invalid;
        }

        var hostname = request!.Hostname!;

        if (request.SignedAt is not { } signedAt)
        {
            return ApiErrors.Invalid("signed_at", "required: when the request was signed (RFC 3339)");
        }

        if (request.Signature is not { Length: > 0 } signature)
        {
            return ApiErrors.Invalid("signature", "required: the agent key's signature, base64url");
        }

        if ((time.GetUtcNow() - signedAt).Duration() > LeaveClockSkew)
        {
            return ApiErrors.Status(StatusCodes.Status403Forbidden, $"signed_at: more than {LeaveClockSkew.TotalMinutes:0} minutes from the control plane's clock");
        }

        if (await agents.GetAsync(hostname, cancellationToken) is not { } enrollment)
        {
            return ApiErrors.NotFound($"no agent {hostname} is enrolled");
        }

        if (enrollment.PublicKey != request.PublicKey
            || !Nats.Auth.NkeySeedFile.Verify(request.PublicKey!, LeaveAgentRequest.SignedText(hostname, request.PublicKey!, signedAt), signature))
        {
            return ApiErrors.Status(StatusCodes.Status403Forbidden, $"signature: not made with the key agent {hostname} enrolled");
        }

        return await agents.RemoveAsync(hostname, cancellationToken) ? TypedResults.NoContent() : ApiErrors.NotFound($"no agent {hostname} is enrolled");
    }

    // The body, hostname and public key an enrolling or leaving agent names itself by; null when they are well-formed.
    private static JsonHttpResult<ErrorBody>? InvalidIdentity(bool noBody, string? hostname, string? publicKey) =>
        noBody ? ApiErrors.Invalid("body", "required")
        : hostname is null || !Hostname().IsMatch(hostname) ? ApiErrors.Invalid("hostname", "required: 1-253 letters, digits, '.', '-' or '_', starting with a letter or digit")
        : !Nats.Auth.NkeySeedFile.IsUserPublicKey(publicKey) ? ApiErrors.Invalid("public_key", "required: a NATS user public key (56 characters starting with U)")
        : null;

    // Read at every request: a CA added for a rotation reaches agents without a restart.
    private static Results<ContentHttpResult, JsonHttpResult<ErrorBody>> Ca(IOptions<ApiServerOptions> api, IOptions<NatsConnectionOptions> nats) =>
        ApiHttps.AgentCaBundle(api.Value.Tls, nats.Value.CaFile) is { Length: > 0 } bundle
            ? TypedResults.Text(bundle, "application/x-pem-file")
            : ApiErrors.NotFound("neither the API nor NATS runs with TLS here (no CA)");

    private static async Task<Ok<AgentList>> ListAsync(AgentEnrollments agents, AgentDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ListOfAsync(await agents.ListAsync(cancellationToken), directory, cancellationToken));

    private static async Task<Ok<AgentList>> PendingAsync(AgentEnrollments agents, AgentDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ListOfAsync(
            (await agents.ListAsync(cancellationToken)).Where(a => a.State == AgentStates.Pending), directory, cancellationToken));

    private static async Task<Results<Ok<AgentInfo>, JsonHttpResult<ErrorBody>>> GetAsync(
        string hostname, AgentEnrollments agents, AgentDirectory directory, CancellationToken cancellationToken) =>
        await agents.GetAsync(hostname, cancellationToken) is { } enrollment
            ? TypedResults.Ok((await ListOfAsync([enrollment], directory, cancellationToken)).Agents[0])
            : ApiErrors.NotFound($"no agent {hostname} is enrolled");

    private static async Task<Results<Ok<AgentInfo>, JsonHttpResult<ErrorBody>>> DecideAsync(
        string hostname, string state, AgentEnrollments agents, CancellationToken cancellationToken) =>
        await agents.DecideAsync(hostname, state, cancellationToken) is { } decided
            ? TypedResults.Ok(Info(decided, null))
            : ApiErrors.NotFound($"no agent {hostname} is enrolled");

    private static async Task<Results<Ok<AgentInfo>, JsonHttpResult<ErrorBody>>> DrainAsync(
        string hostname, bool draining, AgentEnrollments agents, CancellationToken cancellationToken) =>
        await agents.SetDrainingAsync(hostname, draining, cancellationToken) is { } changed
            ? TypedResults.Ok(Info(changed, null))
            : ApiErrors.NotFound($"no agent {hostname} is enrolled");

    private static async Task<Results<NoContent, JsonHttpResult<ErrorBody>>> RemoveAsync(string hostname, AgentEnrollments agents, CancellationToken cancellationToken) =>
        await agents.RemoveAsync(hostname, cancellationToken) ? TypedResults.NoContent() : ApiErrors.NotFound($"no agent {hostname} is enrolled");

    private static async Task<AgentList> ListOfAsync(IEnumerable<AgentEnrollment> enrollments, AgentDirectory directory, CancellationToken cancellationToken)
    {
        var live = (await directory.LiveAsync(cancellationToken)).ToDictionary(a => a.Hostname, StringComparer.OrdinalIgnoreCase);
        var agents = enrollments.Select(e => Info(e, live.GetValueOrDefault(e.Hostname))).ToList();
        return new AgentList(agents, agents.Count);
    }

    private static AgentInfo Info(AgentEnrollment enrollment, AgentHeartbeat? heartbeat) =>
        new(enrollment.Hostname, enrollment.State, enrollment.Labels, enrollment.EnrolledAt, heartbeat is not null, heartbeat?.LastSeen, heartbeat?.Version, heartbeat?.RunningJobs, enrollment.Draining);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$")]
    private static partial Regex Hostname();
}
