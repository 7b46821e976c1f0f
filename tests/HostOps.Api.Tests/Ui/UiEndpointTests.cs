using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Api.Ui;
using HostOps.Testing.Nats;

namespace HostOps.Api.Tests.Ui;

/// <summary>
/// <c>/ui</c> serves the dashboard's embedded files to anyone, each with its content type, an ETag and the strict
/// Content-Security-Policy; the browser tests (tests/HostOps.Ui.Tests) cover what the pages do.
/// </summary>
public sealed class UiEndpointTests(NatsFixture nats) : IClassFixture<NatsFixture>, IAsyncLifetime
{
    private TestApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await TestApi.StartAsync(nats.Url, withAgent: false);

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Theory]
    [InlineData("/ui/", "text/html")]
    [InlineData("/ui/index.html", "text/html")]
    [InlineData("/ui/app.css", "text/css")]
    [InlineData("/ui/js/app.js", "text/javascript")]
    [InlineData("/ui/js/pages/overview.js", "text/javascript")]
    [InlineData("/ui/favicon.svg", "image/svg+xml")]
    public async Task Each_file_is_served_without_a_token_with_its_type_an_etag_and_the_policy(string path, string type)
    {
        using var response = await _api.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(UiEndpoints.ContentSecurityPolicy);
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.ETag.ShouldNotBeNull();
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
    }

    [Fact]
    public async Task An_unchanged_file_is_answered_304_and_ui_without_its_slash_redirects()
    {
        using var first = await _api.Client.GetAsync(new Uri("/ui/js/sse.js", UriKind.Relative), TestContext.Current.CancellationToken);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/ui/js/sse.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _api.Client.SendAsync(again, TestContext.Current.CancellationToken);
        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);

        // The test client follows the redirect: it ends on /ui/, where the page's relative links resolve.
        using var bare = await _api.Client.GetAsync(new Uri("/ui", UriKind.Relative), TestContext.Current.CancellationToken);
        bare.StatusCode.ShouldBe(HttpStatusCode.OK);
        bare.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/ui/");
    }

    [Fact]
    public async Task No_inline_script_is_shipped_and_an_unknown_file_is_404()
    {
        var html = await _api.Client.GetStringAsync(new Uri("/ui/", UriKind.Relative), TestContext.Current.CancellationToken);
        html.ShouldContain("<script type=\"module\" src=\"js/app.js\"></script>");
        html.Split("<script").Length.ShouldBe(2, "one script element, with a src");
        System.Text.RegularExpressions.Regex.IsMatch(html, @"\son[a-z]+=").ShouldBeFalse("no inline event handler attribute");

        using var missing = await _api.Client.GetAsync(new Uri("/ui/js/nothing.js", UriKind.Relative), TestContext.Current.CancellationToken);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        UiAssets.Embedded.Paths.ShouldContain("js/sse.js");
    }
}
