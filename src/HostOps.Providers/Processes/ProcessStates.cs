namespace HostOps.Providers.Processes;

/// <summary>The state letter of <c>/proc/[pid]/stat</c> as the word <c>/proc/[pid]/status</c> gives it (<c>S</c> → <c>sleeping</c>).</summary>
public static class ProcessStates
{
    public static string Word(char state) => state switch
    {
        'R' => "running",
        'S' => "sleeping",
        'D' => "disk sleep",
        'T' => "stopped",
        't' => "tracing stop",
        'X' => "dead",
        'Z' => "zombie",
        'P' => "parked",
        'I' => "idle",
        _ => state.ToString(),
    };
}
