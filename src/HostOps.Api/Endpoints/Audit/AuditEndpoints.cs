using System.Globalization;
using System.Text.Json;
using HostOps.Api.Audit;
using HostOps.Api.Errors;
using HostOps.Contracts.Audit;
using HostOps.Contracts.Errors;
using HostOps.Contracts.Json;
using HostOps.Contracts.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HostOps.Api.Endpoints.Audit;

/// <summary><c>GET /audit</c> (pages) and <c>GET /audit/export</c> (NDJSON): the audit log, admin only, filters checked with the field named.</summary>
internal static class AuditEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Audit")
            .AddEndpointFilter<NatsAvailabilityFilter>()
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/audit", ListAsync)
            .RequireScope(Scopes.Admin)
            .WithName("ListAudit")
            .WithSummary("Audited requests (changes and refusals), oldest first, filtered, paged with an opaque cursor.")
            .ProducesErrors(StatusCodes.Status400BadRequest);

        group.MapGet("/audit/export", ExportAsync)
            .RequireScope(Scopes.Admin)
            .WithName("ExportAudit")
            .WithSummary("Every audited request matching the filters, as NDJSON (one entry per line), oldest first.")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .ProducesErrors(StatusCodes.Status400BadRequest);

        return routes;
    }

    private static async Task<Results<Ok<AuditPage>, JsonHttpResult<ErrorBody>>> ListAsync(
        AuditLogReader reader, CancellationToken cancellationToken,
        string? subject = null, string? path = null, string? code = null, string? since = null, string? until = null, string? limit = null, string? cursor = null)
    {
        if (Read(subject, path, code, since, until, limit, cursor, DefaultLimit, out var query) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await reader.ReadAsync(query, cancellationToken));
    }

    // Written page by page as it is read, so an export of the whole log never sits in memory.
    private static async Task<IResult> ExportAsync(
        HttpContext context, AuditLogReader reader, CancellationToken cancellationToken,
        string? subject = null, string? path = null, string? code = null, string? since = null, string? until = null)
    {
        if (Read(subject, path, code, since, until, null, null, MaxLimit, out var query) is { } problem)
        {
            return problem;
        }

        context.Response.ContentType = "application/x-ndjson";
        var body = context.Response.Body;
        var newline = "\n"u8.ToArray();
        while (true)
        {
            var page = await reader.ReadAsync(query, cancellationToken);
            foreach (var entry in page.Items)
            {
                await JsonSerializer.SerializeAsync(body, entry, HostOpsJsonContext.Default.AuditEntry, cancellationToken);
                await body.WriteAsync(newline, cancellationToken);
            }

            await body.FlushAsync(cancellationToken);
            if (page.Next is null || !AuditCursor.TryRead(page.Next, out var after))
            {
                return Results.Empty;
            }

            query = query with { After = after };
        }
    }

    // Each filter is checked and read once: the query, or the 400 naming the first bad one.
    private static JsonHttpResult<ErrorBody>? Read(
        string? subject, string? path, string? code, string? since, string? until, string? limit, string? cursor, int pageSize, out AuditQuery query)
    {
        query = null!;
        if (Empty(subject) is { Length: > 256 })
        {
            return ApiErrors.Invalid("subject", "must be at most 256 characters");
        }

        if (Empty(path) is { } p && (p[0] != '/' || p.Length > 1024))
        {
            return ApiErrors.Invalid("path", "must start with / (a path prefix such as /job), at most 1024 characters");
        }

        int? status = null;
        if (Empty(code) is { } c)
        {
            if (!(int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 100 and <= 599))
            {
                return ApiErrors.Invalid("code", "must be an HTTP status code from 100 to 599");
            }

            status = value;
        }

        var from = Empty(since) is { } s ? Time(s) : null;
        if (Empty(since) is not null && from is null)
        {
            return ApiErrors.Invalid("since", "must be an ISO 8601 time with a zone, e.g. 2026-11-30T12:00:00Z");
        }

        var to = Empty(until) is { } u ? Time(u) : null;
        if (Empty(until) is not null && to is null)
        {
            return ApiErrors.Invalid("until", "must be an ISO 8601 time with a zone, e.g. 2026-11-30T12:00:00Z");
        }

        if (from > to)
        {
            return ApiErrors.Invalid("until", "must not be before since");
        }

        var size = pageSize;
        if (Empty(limit) is { } l && !(int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxLimit))
        {
            return ApiErrors.Invalid("limit", $"must be a whole number from 1 to {MaxLimit}");
        }

        ulong? after = null;
        if (Empty(cursor) is { } k)
        {
            if (!AuditCursor.TryRead(k, out var position))
            {
                return ApiErrors.Invalid("cursor", "is not a cursor this API issued (take next from the previous page)");
            }

            after = position;
        }

        query = new AuditQuery(Empty(subject), Empty(path), status, from, to, size, after);
        return null;
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // A zone is required: a time without one would mean a different moment on every server.
    private static DateTimeOffset? Time(string text) =>
        (text.EndsWith('Z') || text.Contains('+') || text.LastIndexOf('-') > 9)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
}
