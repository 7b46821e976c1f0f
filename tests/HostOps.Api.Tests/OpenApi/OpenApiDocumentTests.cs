using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Operations;

namespace HostOps.Api.Tests.OpenApi;

/// <summary>
/// The framework-generated document declares every endpoint, the bearer scheme and the error answers, and the
/// copy in <c>docs/openapi.json</c> is kept equal to it. Regenerate the copy with <c>HOSTOPS_UPDATE_OPENAPI=1</c>.
/// </summary>
public sealed class OpenApiDocumentTests(SharedApiWithoutAgent shared) : IClassFixture<SharedApiWithoutAgent>
{
    private readonly TestApi _api = shared.Api;

    [Fact]
    public async Task Every_secured_endpoint_declares_the_bearer_scheme_and_401_403_429()
    {
        var document = await DocumentAsync();
        document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        foreach (var endpoint in SecuredEndpoint.All)
        {
            var operation = document["paths"]![endpoint.Pattern]?[endpoint.Method.ToLowerInvariant()];
            operation.ShouldNotBeNull($"{endpoint.Method} {endpoint.Pattern} is missing");
            var responses = operation["responses"]!.AsObject();
            foreach (var code in new[] { "401", "403", "429" })
            {
                responses.ContainsKey(code).ShouldBeTrue($"{endpoint.Method} {endpoint.Pattern} lacks {code}");
            }

            operation["security"]![0]!["Bearer"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldContain(endpoint.Scope);
        }
    }

    [Fact]
    public async Task Health_endpoints_declare_503_and_the_anonymous_ones_no_security()
    {
        var paths = (await DocumentAsync())["paths"]!;
        paths["/health/status"]!["get"]!["responses"]!.AsObject().ContainsKey("503").ShouldBeTrue();
        paths["/health/ready"]!["get"]!["responses"]!.AsObject().ContainsKey("503").ShouldBeTrue();
        paths["/health"]!["get"]!.AsObject().ContainsKey("security").ShouldBeFalse();
        paths["/job/status"]!["get"]!["responses"]!.AsObject().ContainsKey("503").ShouldBeTrue();
    }

    [Fact]
    public async Task Every_endpoint_with_a_request_body_declares_413()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var withBody = paths.SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key} {path.Key}", Operation: op.Value!)))
            .Where(op => op.Operation["requestBody"] is not null)
            .ToList();

        var declared = OperationCatalog.All.Where(o => o.HasBody).Select(o => $"{o.Method.ToLowerInvariant()} {o.Route}");
        withBody.Select(op => op.Name).ShouldBe(
            ["post /job", "post /agent/enroll", "post /agent/leave", "post /cluster/join", "post /network/ping", "put /network/dns", "post /file", .. declared], ignoreOrder: true);
        foreach (var (name, operation) in withBody)
        {
            operation["responses"]!.AsObject().ContainsKey("413").ShouldBeTrue(name);
        }
    }

    [Fact]
    public async Task The_checked_in_copy_in_docs_equals_the_generated_document()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/openapi/v1.json");
        var generated = Normalise(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var path = Path.Combine(Repository.Root, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("HOSTOPS_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, generated, TestContext.Current.CancellationToken);
        }

        File.Exists(path).ShouldBeTrue("docs/openapi.json is missing; run the tests with HOSTOPS_UPDATE_OPENAPI=1");
        var checkedIn = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        checkedIn.ShouldBe(generated, "docs/openapi.json is stale; run the tests with HOSTOPS_UPDATE_OPENAPI=1 and commit it");
    }

    [Fact]
    public async Task The_reference_page_is_served_at_docs()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/docs");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("<title>HostOps API</title>");
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    private static string Normalise(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
}
