namespace HostOps.Cli.Tokens;

/// <summary>A token the API would refuse; the message says why in a few words.</summary>
public sealed class InvalidTokenException : Exception
{
    public InvalidTokenException(string message)
        : base(message)
    {
    }

    public InvalidTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidTokenException()
    {
    }
}
