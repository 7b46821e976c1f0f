using System.Security.Cryptography;
using System.Text;
using HostOps.Contracts.Security;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HostOps.Api.Tests.Infrastructure;

/// <summary>Good and bad bearer tokens for the auth tests.</summary>
internal static class TestTokens
{
    public const string SigningKey = "test-signing-key-0123456789-abcdefghij";
    public const string OtherKey = "another-signing-key-0123456789-abcdefgh";

    private static readonly JwtIssuer Issuer = new(SigningKey);

    public static string ForRole(string role) => Issuer.Issue(new TokenRequest("tester", [role], [], TimeSpan.FromHours(1)));

    /// <summary>A token of <paramref name="role"/> for <paramref name="subject"/>: tests that read the audit log tell their requests apart by it.</summary>
    public static string ForSubject(string subject, string role) => Issuer.Issue(new TokenRequest(subject, [role], [], TimeSpan.FromHours(1)));

    public static string ForScopes(params string[] scopes) => Issuer.Issue(new TokenRequest("tester", [], scopes, TimeSpan.FromHours(1)));

    /// <summary>The secret of a join token of this control plane (audience hostops-join).</summary>
    public static string Join(IReadOnlyDictionary<string, string>? labels = null) =>
        Issuer.Issue(new TokenRequest("join", [], [], TimeSpan.FromHours(1), TokenAudiences.Join, labels));

    public static string ServerJoin() => Issuer.Issue(new TokenRequest("server-join", [], [], TimeSpan.FromHours(1), TokenAudiences.ServerJoin));

    public static string WrongKey() => new JwtIssuer(OtherKey).Issue(new TokenRequest("tester", [Scopes.Admin], [], TimeSpan.FromHours(1)));

    /// <summary>Expired five minutes ago: well past the 30 s clock skew.</summary>
    public static string Expired()
    {
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        return new JwtIssuer(SigningKey, past).Issue(new TokenRequest("tester", [Scopes.Admin], [], TimeSpan.FromMinutes(55)));
    }

    /// <summary>An unsigned token claiming admin: <c>{"alg":"none"}</c> and an empty signature.</summary>
    public static string AlgNone()
    {
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes($$"""{"sub":"tester","roles":["admin"],"exp":{{exp}}}"""));
        return $"{header}.{payload}.";
    }

    /// <summary>
    /// Signed with the right key but HS512: algorithm switching must not be accepted. Built by hand because the
    /// token library refuses HS512 with a key this short, and the point is to use exactly the server's key.
    /// </summary>
    public static string OtherAlgorithm()
    {
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"HS512","typ":"JWT"}"""));
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes($$"""{"sub":"tester","roles":["admin"],"exp":{{exp}}}"""));
        var signature = HMACSHA512.HashData(Encoding.UTF8.GetBytes(SigningKey), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>Right key and algorithm, but no <c>exp</c>.</summary>
    public static string NoExpiry()
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = "tester", ["roles"] = new[] { Scopes.Admin } },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
