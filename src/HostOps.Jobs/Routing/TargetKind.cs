namespace HostOps.Jobs.Routing;

public enum TargetKind
{
    /// <summary><c>_any</c>: exactly one live agent.</summary>
    Any,

    /// <summary><c>_all</c>: every live agent.</summary>
    All,

    /// <summary>A hostname: only that agent.</summary>
    Host,

    /// <summary><c>key:value</c>: every agent whose label equals the value or starts with it plus a dot.</summary>
    Label,
}
