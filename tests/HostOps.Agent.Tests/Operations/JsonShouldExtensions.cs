using System.Text.Json.Nodes;
using Shouldly;

namespace HostOps.Agent.Tests.Operations;

/// <summary>Compares JSON by its values, not by the order of an object's properties.</summary>
internal static class JsonShouldExtensions
{
    public static void ShouldBeJson(this string actual, string expected) =>
        JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected)).ShouldBeTrue($"expected {expected}\nbut was  {actual}");
}
