namespace HostOps.Client.Configuration;

/// <summary>The <c>api:client:</c> section: where the CLI and SDK find the API.</summary>
public sealed class ApiClientOptions
{
    public const string Section = "api:client";

    public string Url { get; set; } = "http://127.0.0.1:8080";

    public string Token { get; set; } = "";
}
