using System.Text.Json;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Hostname;
using Shouldly;
using Xunit;

namespace HostOps.Contracts.Tests.Operations;

public sealed class OperationDeclarationTests
{
    private static readonly Operation<HostnameSetRequest, HostnameSetResult> Set = HostnameOperations.Set;

    [Fact]
    public void Names_and_parameters_come_from_the_route()
    {
        Set.EndpointName.ShouldBe("PutSystemHostname");
        Set.RouteParameters.ShouldBeEmpty();
        Set.Positionals.ShouldBe(["name"]);
        Set.HasBody.ShouldBeTrue();

        var routed = new Operation<HostnameSetRequest, HostnameSetResult>
        {
            Type = "x.y.do",
            Area = Set.Area,
            Method = "POST",
            Route = "/service/{name}/start",
            Verb = ["start"],
            Summary = "s",
            Scope = "write",
            Input = Set.Input,
            Result = Set.Result,
            Results = Set.Results,
            Example = Set.Example,
        };
        routed.RouteParameters.ShouldBe(["name"]);
        routed.Positionals.ShouldBe(["name"]);
        routed.EndpointName.ShouldBe("PostServiceNameStart");
    }

    [Theory]
    [InlineData("""{"name":"web-01"}""", null)]
    [InlineData("""{"name":"web-01","dry_run":true}""", null)]
    [InlineData("""{"name":"-web"}""", "data.name: '-web' is not a valid hostname")]
    [InlineData("""{"name":"a..b"}""", "data.name: 'a..b' is not a valid hostname")]
    [InlineData("""{}""", "data.name: is required")]
    [InlineData("""{"name":5}""", "data.name: has the wrong type")]
    [InlineData("""{"name":"web","dry_run":"yes"}""", "data.dry_run: has the wrong type")]
    [InlineData("""[1]""", "data: is required (a JSON object)")]
    public void Job_data_is_checked_by_the_declaration(string data, string? error)
    {
        var result = Set.ValidateData(JsonDocument.Parse(data).RootElement);

        if (error is null)
        {
            result.ShouldBeNull();
        }
        else
        {
            result.ShouldNotBeNull().ShouldStartWith(error);
        }
    }

    [Fact]
    public void A_failed_host_item_carries_the_error()
    {
        var failed = Set.Failure("web-1", "boom");

        JsonSerializer.Serialize(failed, Set.Result).ShouldBe("""{"hostname":"web-1","status":"failed","changed":false,"error":"boom"}""");
    }
}
