using HostOps.Api.Errors;

namespace HostOps.Api.Tests.Errors;

public sealed class ExceptionResponsesTests
{
    [Theory]
    [InlineData("$.operation.type", "operation.type")]
    [InlineData("$.servers[1]", "servers[1]")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void A_json_path_becomes_the_field_name(string? path, string field) =>
        ExceptionResponses.FieldOf(path).ShouldBe(field);
}
