using Microsoft.Net.Http.Headers;

namespace HostOps.Api.Ui;

/// <summary>
/// <c>/ui</c>: the web dashboard's static files (docs/ui.md). Anonymous, since the files hold no data: every data
/// call the page makes is an authenticated API request with the operator's bearer token. Every answer carries a
/// strict Content-Security-Policy (scripts and styles from this origin only, no inline script), and is revalidated
/// by ETag rather than cached blindly, so a new HostOps version is picked up at the next load. Not in the OpenAPI
/// document: it is not part of the REST contract.
/// </summary>
internal static class UiEndpoints
{
    public const string Path = "/ui";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapUiEndpoints(this IEndpointRouteBuilder routes)
    {
        // One route for /ui, /ui/ and the files (routing does not tell /ui from /ui/): /ui itself is sent to /ui/,
        // so that the page's relative links (app.css, js/app.js) resolve under /ui/.
        routes.MapGet(Path + "/{**file}", (string? file, HttpContext http) =>
                http.Request.Path.Value == Path ? Results.Redirect(Path + "/" + http.Request.QueryString)
                : Serve(string.IsNullOrEmpty(file) ? "index.html" : file, http))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return routes;
    }

    private static IResult Serve(string file, HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (UiAssets.Embedded.Find(file) is not { } asset)
        {
            return Results.NotFound();
        }

        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        var match = http.Request.Headers[HeaderNames.IfNoneMatch];
        return match.Contains(asset.ETag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(asset.Content, asset.ContentType);
    }
}
