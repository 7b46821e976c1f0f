namespace HostOps.Cli.Configuration;

/// <summary>Invalid configuration: the message is one line, <c>config &lt;key&gt;: &lt;problem&gt;</c>.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string key, string problem)
        : base($"config {ConfigKeys.Display(key)}: {problem}")
    {
        Key = ConfigKeys.Display(key);
    }

    public ConfigException(string message)
        : base(message)
    {
        Key = "";
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "";
    }

    public ConfigException()
    {
        Key = "";
    }

    /// <summary>The key in dotted form (<c>api.server.port</c>), empty when the problem is not one key's.</summary>
    public string Key { get; }
}
