using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Api.Tests.Security;

/// <summary>Every secured endpoint against every kind of bad token, each role and scope-only tokens.</summary>
public sealed class AuthMatrixTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private readonly TestApi _api = shared.Api;

    private HttpClient Client => _api.Client;

    public static TheoryData<string> BadTokenKinds => ["missing", "garbage", "wrong-key", "alg-none", "expired", "hs512", "no-exp", "basic-scheme"];

    [Theory]
    [MemberData(nameof(BadTokenKinds))]
    public async Task Every_secured_endpoint_answers_401_with_the_error_body_to_a_bad_token(string kind)
    {
        var token = kind switch
        {
            "missing" or "basic-scheme" => null,
            "garbage" => "this-is-not-a-jwt",
            "wrong-key" => TestTokens.WrongKey(),
            "alg-none" => TestTokens.AlgNone(),
            "expired" => TestTokens.Expired(),
            "hs512" => TestTokens.OtherAlgorithm(),
            "no-exp" => TestTokens.NoExpiry(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        foreach (var endpoint in SecuredEndpoint.All)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
            if (token is not null)
            {
                request.Headers.Authorization = new("Bearer", token);
            }
            else if (kind == "basic-scheme")
            {
                request.Headers.Authorization = new("Basic", "YWRtaW46YWRtaW4=");
            }

            if (endpoint.Body is not null)
            {
                request.Content = new StringContent(endpoint.Body, System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
            var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{endpoint} with {kind}: {raw}");
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
            var error = await response.ReadErrorAsync();
            error.Code.ShouldBe(401);
            error.Error.ShouldBe("Unauthorized - API key required.");
            error.Details.ShouldNotBeNullOrEmpty();
            if (token is not null)
            {
                raw.ShouldNotContain(token.Split('.')[0]);
                response.Headers.ToString().ShouldNotContain(token.Split('.')[0]);
            }
        }
    }

    [Theory]
    [InlineData("expired", "Bearer token expired")]
    [InlineData("wrong-key", "Bearer token signature is invalid")]
    [InlineData("garbage", "Bearer token is malformed")]
    [InlineData("missing", "Bearer token missing")]
    public async Task The_401_details_say_what_is_wrong_with_the_token(string kind, string details)
    {
        var token = kind switch
        {
            "expired" => TestTokens.Expired(),
            "wrong-key" => TestTokens.WrongKey(),
            "garbage" => "this-is-not-a-jwt",
            _ => null,
        };
        using var response = await Client.SendAsync(HttpMethod.Get, "/job/status", token);
        (await response.ReadErrorAsync()).Details.ShouldBe(details);
    }

    [Theory]
    [InlineData(Scopes.Admin)]
    [InlineData(Scopes.Write)]
    [InlineData(Scopes.Read)]
    public async Task Each_role_reaches_exactly_the_endpoints_its_scopes_allow(string role)
    {
        var scopes = Scopes.FromRoles([role]);
        await ExpectAccessAsync(TestTokens.ForRole(role), scopes);
    }

    [Theory]
    [InlineData(Scopes.Read)]
    [InlineData(Scopes.Write)]
    public async Task A_scope_only_token_gets_exactly_its_scopes_and_nothing_the_roles_would_add(string scope)
    {
        // A write-only token lacks read: explicit scopes are used as-is.
        await ExpectAccessAsync(TestTokens.ForScopes(scope), [scope]);
    }

    [Fact]
    public async Task Post_job_never_grants_more_than_the_operations_own_endpoint()
    {
        // GET /system/hostname needs read: a write-only token may not get there through POST /job either.
        const string query = """{"operation":{"type":"system.hostname.get"}}""";
        using var writeOnly = await Client.SendAsync(HttpMethod.Post, "/job", TestTokens.ForScopes(Scopes.Write), query);
        writeOnly.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await writeOnly.ReadErrorAsync()).Details.ShouldBe("requires scope read for system.hostname.get");

        // A modification needs write whichever way it comes in.
        const string modify = """{"operation":{"type":"network.dns.update","data":{"interface_name":"eth0","servers":["1.1.1.1"]}}}""";
        using var readOnly = await Client.SendAsync(HttpMethod.Post, "/job", TestTokens.ForRole(Scopes.Read), modify);
        readOnly.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var writer = await Client.SendAsync(HttpMethod.Post, "/job", TestTokens.ForRole(Scopes.Write), query);
        writer.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_app_has_no_endpoint_that_is_neither_secured_and_tested_nor_knowingly_anonymous()
    {
        // An agent enrolls before it has any token: a join token in the body, or it waits pending for an admin.
        // The dashboard's files (/ui) hold no data: every call the page makes is authenticated.
        string[] anonymous = ["GET /health", "GET /health/ready", "GET /openapi/{documentName}.json", "POST /agent/enroll", "POST /agent/leave", "GET /agent/ca", "POST /cluster/join", "GET /ui/{**file}"];
        var secured = SecuredEndpoint.All.Select(e => $"{e.Method} {e.Pattern}").ToHashSet();
        var endpoints = _api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (pattern.StartsWith("/docs", StringComparison.Ordinal))
            {
                continue; // the Scalar reference page and its assets
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods)
            {
                var key = $"{method} {pattern}";
                (secured.Contains(key) || anonymous.Contains(key)).ShouldBeTrue($"{key} is not covered by the auth matrix");
            }
        }
    }

    private async Task ExpectAccessAsync(string token, IReadOnlyCollection<string> scopes)
    {
        foreach (var endpoint in SecuredEndpoint.All)
        {
            using var response = await Client.SendAsync(new HttpMethod(endpoint.Method), endpoint.Path, token, endpoint.Body);
            var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (scopes.Contains(endpoint.Scope))
            {
                response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, $"{endpoint}: {raw}");
                response.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden, $"{endpoint}: {raw}");
                response.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError, $"{endpoint}: {raw}");
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{endpoint}: {raw}");
                var error = await response.ReadErrorAsync();
                error.Code.ShouldBe(403);
                error.Error.ShouldBe("Forbidden - Insufficient permissions.");
                error.Details.ShouldBe($"requires scope {endpoint.Scope}");
            }
        }
    }
}
