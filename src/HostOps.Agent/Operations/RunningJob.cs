namespace HostOps.Agent.Operations;

/// <summary>
/// The job and attempt the operation running on this async flow belongs to; set by the agent around each
/// handler call. Handlers need not read it; a test host's recording operation does.
/// </summary>
public static class RunningJob
{
    private static readonly AsyncLocal<(Guid JobId, int Attempt)?> Value = new();

    public static (Guid JobId, int Attempt)? Current => Value.Value;

    internal static void Enter(Guid jobId, int attempt) => Value.Value = (jobId, attempt);
}
