using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HostOps.Contracts.Operations;
using Shouldly;
using Xunit;

namespace HostOps.Contracts.Tests.Operations;

public sealed partial class OperationValuesTests
{
    private static readonly IReadOnlyDictionary<string, System.Text.Json.Serialization.Metadata.JsonPropertyInfo> Properties =
        OperationValues.Properties(SampleJsonContext.Default.SampleInput);

    [Theory]
    [InlineData("name", "web", "\"web\"")]
    [InlineData("lines", "50", "50")]
    [InlineData("lines", "-3", "-3")]
    [InlineData("follow", "true", "true")]
    [InlineData("follow", "0", "false")]
    [InlineData("ratio", "0.5", "0.5")]
    public void A_word_becomes_the_propertys_type(string property, string word, string json)
    {
        OperationValues.FromText(Properties[property], [word], out var error).ShouldNotBeNull().ToJsonString().ShouldBe(json);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("lines", "many", "lines: 'many' is not a whole number")]
    [InlineData("lines", "99999999999", "lines: '99999999999' is not a whole number")]
    [InlineData("follow", "yes", "follow: 'yes' is not true or false")]
    [InlineData("ratio", "half", "ratio: 'half' is not a number")]
    [InlineData("env", "NOEQUALS", "env: 'NOEQUALS' is not KEY=VALUE")]
    public void A_word_that_does_not_fit_names_the_property(string property, string word, string message)
    {
        OperationValues.FromText(Properties[property], [word], out var error).ShouldBeNull();
        error.ShouldBe(message);
    }

    [Fact]
    public void Lists_and_maps_take_every_word()
    {
        OperationValues.FromText(Properties["units"], ["a", "b"], out _)!.ToJsonString().ShouldBe("""["a","b"]""");
        OperationValues.FromText(Properties["env"], ["A=1", "B=x=y"], out _)!.ToJsonString().ShouldBe("""{"A":"1","B":"x=y"}""");
        OperationValues.FromText(Properties["name"], ["a", "b"], out var error).ShouldBeNull();
        error.ShouldBe("name: takes one value, got 2");
    }

    [Fact]
    public void Query_words_round_trip()
    {
        OperationValues.ToText(JsonNode.Parse("""["a","b"]""")).ShouldBe(["a", "b"]);
        OperationValues.ToText(JsonNode.Parse("true")).ShouldBe(["true"]);
        OperationValues.ToText(JsonNode.Parse("""{"A":"1"}""")).ShouldBe(["A=1"]);
        OperationValues.ToText(null).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_required_property_is_named()
    {
        OperationValues.Read(new JsonObject(), SampleJsonContext.Default.SampleInput, out var error).ShouldBeNull();
        error.ShouldBe("name: is required");
    }

    public sealed record SampleInput
    {
        public required string Name { get; init; }

        public int? Lines { get; init; }

        public bool Follow { get; init; }

        public double Ratio { get; init; }

        public IReadOnlyList<string>? Units { get; init; }

        public Dictionary<string, string>? Env { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(SampleInput))]
    private sealed partial class SampleJsonContext : JsonSerializerContext;
}
