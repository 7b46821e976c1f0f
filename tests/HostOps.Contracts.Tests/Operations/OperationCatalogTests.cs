using System.Text.Json;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Hostname;
using HostOps.Contracts.Security;
using Shouldly;
using Xunit;

namespace HostOps.Contracts.Tests.Operations;

/// <summary>What every declaration must hold, checked for all of them (so a new one is checked without a new test).</summary>
public sealed class OperationCatalogTests
{
    public static TheoryData<string> Declared => [.. OperationCatalog.All.Select(o => o.Type)];

    [Fact]
    public void The_generated_catalog_lists_the_declared_fields()
    {
        OperationCatalog.All.ShouldContain(HostnameOperations.Set);
        OperationCatalog.Find("system.hostname.set").ShouldBeSameAs(HostnameOperations.Set);
        OperationCatalog.Find("no.such.operation").ShouldBeNull();
        OperationTypes.IsKnown("system.hostname.set").ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Declared))]
    public void A_declaration_is_consistent(string type)
    {
        var operation = OperationCatalog.Find(type).ShouldNotBeNull();
        OperationCatalog.All.Count(o => o.Type == type).ShouldBe(1);
        operation.Route.ShouldStartWith($"/{operation.Area.Name}");
        operation.Method.ShouldBeOneOf("GET", "POST", "PUT", "DELETE");
        operation.Scope.ShouldBeOneOf(Scopes.Read, Scopes.Write, Scopes.Admin);
        OperationTypes.IsModification(type).ShouldBe(operation.ChangesHost);
        (operation.InputInfo.Type.IsAssignableTo(typeof(ChangeRequest))).ShouldBe(operation.ChangesHost, "an operation changes hosts exactly when its input takes dry_run");
        if (operation.ChangesHost)
        {
            operation.Scope.ShouldNotBe(Scopes.Read);
        }

        var properties = OperationValues.Properties(operation.InputInfo);
        foreach (var name in operation.Positionals.Concat(operation.RouteParameters).Concat(operation.Help.Keys).Concat(operation.FileArguments))
        {
            properties.ShouldContainKey(name, $"{type} names '{name}', which its input does not have");
        }

        OperationCatalog.All.Count(o => o.Method == operation.Method && o.Route == operation.Route).ShouldBe(1, "one endpoint per declaration");
        OperationCatalog.All.Count(o => o.Area.Name == operation.Area.Name && o.Verb.SequenceEqual(operation.Verb)).ShouldBe(1, "one command per declaration");
    }

    [Theory]
    [MemberData(nameof(Declared))]
    public void The_example_input_passes_the_declarations_own_checks(string type)
    {
        var operation = OperationCatalog.Find(type).ShouldNotBeNull();
        var example = new ExampleData();
        operation.Accept(example);

        operation.ValidateData(example.Data).ShouldBeNull();
    }

    private sealed class ExampleData : IOperationVisitor
    {
        public JsonElement? Data { get; private set; }

        public void Visit<TInput, TResult>(Operation<TInput, TResult> operation)
            where TInput : class
            where TResult : HostOutcome, new() =>
            Data = JsonSerializer.SerializeToElement(operation.Example, operation.Input);
    }
}
