namespace HostOps.Cli.Configuration;

/// <summary>What a command is about to run; decides which settings must be valid.</summary>
[Flags]
public enum StartingComponents
{
    None = 0,
    NatsServer = 1,
    Api = 2,
    Agent = 4,
    Client = 8,
    All = NatsServer | Api | Agent,
}
