using System.Text.Json.Serialization.Metadata;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using Microsoft.AspNetCore.Http.Json;

namespace HostOps.Api.Json;

/// <summary>
/// Makes the framework's JSON (request binding, typed results, OpenAPI schemas) use the shared source-generated
/// context. A context used as a resolver takes its naming from the options it serves, so the context's own
/// settings are copied over too; without that, bodies would come out camelCase.
/// </summary>
internal static class HttpJsonSetup
{
    public static void Configure(JsonOptions options)
    {
        var shared = HostOpsJsonContext.Default.Options;
        options.SerializerOptions.TypeInfoResolverChain.Insert(0, HostOpsJsonContext.Default);

        // Each area of declared operations has its own context (docs/operations-guide.md); the OpenAPI schemas need them.
        foreach (var resolver in OperationCatalog.All.Select(o => o.ResultInfo.Options.TypeInfoResolver).OfType<IJsonTypeInfoResolver>().Distinct())
        {
            options.SerializerOptions.TypeInfoResolverChain.Add(resolver);
        }

        options.SerializerOptions.PropertyNamingPolicy = shared.PropertyNamingPolicy;
        options.SerializerOptions.DefaultIgnoreCondition = shared.DefaultIgnoreCondition;
        options.SerializerOptions.NumberHandling = shared.NumberHandling;
    }
}
