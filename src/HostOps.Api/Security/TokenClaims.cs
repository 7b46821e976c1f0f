namespace HostOps.Api.Security;

/// <summary>The claim names inside a HostOps bearer token.</summary>
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Roles = "roles";
    public const string Scopes = "scopes";
}
