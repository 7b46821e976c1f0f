namespace HostOps.Contracts.Operations.Logs;

/// <summary>Input of <c>log.unit.get</c>: one unit's journal, with the other filters of a query.</summary>
public sealed record LogUnitRequest
{
    /// <summary>The unit (<c>nginx</c>, <c>ssh.socket</c>).</summary>
    public required string Name { get; init; }

    public string? Since { get; init; }

    public string? Until { get; init; }

    public string? Priority { get; init; }

    public string? Grep { get; init; }

    public int? Lines { get; init; }

    /// <summary>The same read as a query for the unit.</summary>
    public LogQueryRequest AsQuery() =>
        new() { Unit = Name, Since = Since, Until = Until, Priority = Priority, Grep = Grep, Lines = Lines };
}
