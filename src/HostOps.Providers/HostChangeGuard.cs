namespace HostOps.Providers;

/// <summary>
/// The last gate before a provider changes the host. The real one opens only when the agent's environment has
/// <c>HOSTOPS_ALLOW_HOST_CHANGES=1</c>, so a test run or a CI machine can never rewrite its own resolver by accident.
/// </summary>
public sealed class HostChangeGuard(Func<bool> allowed)
{
    public const string VariableName = "HOSTOPS_ALLOW_HOST_CHANGES";

    public static HostChangeGuard FromEnvironment() =>
        new(() => Environment.GetEnvironmentVariable(VariableName) == "1");

    public void EnsureAllowed(string change)
    {
        if (!allowed())
        {
            throw new HostProviderException(
                $"{change} refused: host changes are disabled on this agent; set {VariableName}=1 in its environment to allow them");
        }
    }
}
