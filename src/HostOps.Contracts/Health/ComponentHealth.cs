using System.Text.Json.Serialization;

namespace HostOps.Contracts.Health;

/// <summary><c>{"status":"ok"}</c> or <c>{"status":"error","error":"why"}</c>.</summary>
public sealed record ComponentHealth(string Status, string? Error = null)
{
    public static ComponentHealth Ok { get; } = new("ok");

    public static ComponentHealth Failed(string error) => new("error", error);

    [JsonIgnore]
    public bool IsOk => Status == "ok";
}
