namespace HostOps.Cli.Commands;

/// <summary>An argument the parser accepted but the command cannot use (not a UUID, unreadable file): exit 2 with the usage line.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
    {
    }
}
