using HostOps.Client.Http;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Infrastructure;

/// <summary>One endpoint that needs a token: how to call it with a valid request, and the scope it needs.</summary>
public sealed record SecuredEndpoint(string Method, string Pattern, string Path, string Scope, string? Body = null)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every secured endpoint of api.md; a test checks the app has no other.</summary>
    public static IReadOnlyList<SecuredEndpoint> All { get; } =
    [
        new("GET", "/health/status", "/health/status", Scopes.Read),
        new("POST", "/job", "/job", Scopes.Write, """{"operation":{"type":"network.dns.update","data":{"interface_name":"eth0","servers":["1.1.1.1"]}}}"""),
        new("GET", "/job", "/job?limit=5", Scopes.Read),
        new("GET", "/job/status", "/job/status", Scopes.Read),
        new("GET", "/job/workers", "/job/workers", Scopes.Read),
        new("GET", "/job/{id}", $"/job/{Guid.NewGuid()}", Scopes.Read),
        new("GET", "/job/events", "/job/events?status=not-a-status", Scopes.Read), // a stream: a bad filter makes it answer at once
        new("GET", "/job/{id}/events", $"/job/{Guid.NewGuid()}/events", Scopes.Read),
        new("DELETE", "/job/{id}", $"/job/{Guid.NewGuid()}", Scopes.Admin),
        new("POST", "/job/{id}/retry", $"/job/{Guid.NewGuid()}/retry", Scopes.Write),
        new("GET", "/agent", "/agent", Scopes.Read),
        new("GET", "/agent/pending", "/agent/pending", Scopes.Read),
        new("GET", "/agent/{hostname}", "/agent/nobody", Scopes.Read),
        new("POST", "/agent/{hostname}/accept", "/agent/nobody/accept", Scopes.Admin),
        new("POST", "/agent/{hostname}/reject", "/agent/nobody/reject", Scopes.Admin),
        new("POST", "/agent/{hostname}/drain", "/agent/nobody/drain", Scopes.Admin),
        new("POST", "/agent/{hostname}/undrain", "/agent/nobody/undrain", Scopes.Admin),
        new("DELETE", "/agent/{hostname}", "/agent/nobody", Scopes.Admin),
        new("GET", "/system/hostname", "/system/hostname", Scopes.Read),
        new("GET", "/system/status", "/system/status", Scopes.Read),
        new("POST", "/network/ping", "/network/ping", Scopes.Write, """{"address":"127.0.0.1","count":1}"""),
        new("GET", "/network/dns/{interfaceName}", "/network/dns/eth0", Scopes.Read),
        new("PUT", "/network/dns", "/network/dns", Scopes.Write, """{"interface_name":"eth0","servers":["1.1.1.1"],"search_domains":["example.com"]}"""),
        new("GET", "/audit", "/audit?limit=1", Scopes.Admin),
        new("GET", "/audit/export", "/audit/export?code=418", Scopes.Admin),
        new("POST", "/file", "/file", Scopes.Write), // no multipart body: the right scope gets 415, not 401/403
        new("GET", "/file", "/file", Scopes.Read),
        new("GET", "/file/{name}", "/file/nothing.conf", Scopes.Read),
        new("DELETE", "/file/{name}", "/file/nothing.conf", Scopes.Write),
        .. OperationCatalog.All.Select(Declared),
    ];

    // A declared operation called with its declaration's example input.
    private static SecuredEndpoint Declared(OperationDeclaration operation)
    {
        var request = new ExampleRequest();
        operation.Accept(request);
        return new(operation.Method, operation.Route, "/" + request.Request!.Path, operation.Scope, request.Body);
    }

    private sealed class ExampleRequest : IOperationVisitor
    {
        public ApiRequest? Request { get; private set; }

        public string? Body { get; private set; }

        public void Visit<TInput, TResult>(Operation<TInput, TResult> operation)
            where TInput : class
            where TResult : HostOutcome, new()
        {
            Request = ApiRequest.For(operation, operation.Example);
            Body = Request.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
        }
    }
}
