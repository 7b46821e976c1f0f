using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HostOps.Contracts.Security;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace HostOps.Contracts.Tests.Security;

/// <summary>The issuer's input checks and token layout; HostOps.Api.Tests hold its tokens to the API's validator.</summary>
public sealed class JwtIssuerTests
{
    private static readonly string Key = SigningKeys.New();

    [Fact]
    public void Unknown_roles_and_scopes_and_empty_lifetimes_are_refused_naming_the_input()
    {
        var issuer = new JwtIssuer(Key);
        Should.Throw<ArgumentException>(() => issuer.Issue(new TokenRequest("x", ["root"], [], TimeSpan.FromHours(1)))).Message.ShouldStartWith("role: 'root'");
        Should.Throw<ArgumentException>(() => issuer.Issue(new TokenRequest("x", [], ["everything"], TimeSpan.FromHours(1)))).Message.ShouldStartWith("scope: 'everything'");
        Should.Throw<ArgumentException>(() => issuer.Issue(new TokenRequest("x", [Scopes.Read], [], TimeSpan.Zero))).Message.ShouldStartWith("ttl:");
        Should.Throw<ArgumentException>(() => issuer.Issue(new TokenRequest(" ", [Scopes.Read], [], TimeSpan.FromHours(1)))).ParamName.ShouldBe("subject");
    }

    [Fact]
    public void A_short_signing_key_is_refused_with_a_one_line_message_naming_the_key()
    {
        var error = Should.Throw<ArgumentException>(() => new JwtIssuer("too-short"));
        error.Message.ShouldStartWith("api.server.security.signing_key: 9 bytes is too short (needs at least 32 bytes)");
        SigningKeys.Problem("").ShouldBe("api.server.security.signing_key: not set (needs at least 32 bytes)");
        SigningKeys.Problem(SigningKeys.New()).ShouldBeNull();
    }

    [Fact]
    public void A_token_is_an_hs256_header_the_claims_and_the_mac_of_both_with_the_key()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
        var token = new JwtIssuer(Key, time).Issue(new TokenRequest("ops", [Scopes.Write], [], TimeSpan.FromMinutes(10)));

        var parts = token.Split('.');
        parts.Length.ShouldBe(3);
        Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])).ShouldBe("""{"alg":"HS256","typ":"JWT"}""");
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var claims = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        var id = JsonDocument.Parse(claims).RootElement.GetProperty("jti").GetString();
        id.ShouldNotBeNull().Length.ShouldBe(32);
        claims.ShouldBe($$"""{"iss":"hostops","aud":"hostops-api","jti":"{{id}}","sub":"ops","iat":{{now}},"nbf":{{now}},"exp":{{now + 600}},"roles":["write"]}""");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Base64Url.DecodeFromChars(parts[2]).ShouldBe(mac);
    }

    [Fact]
    public void A_join_token_secret_is_meant_for_enrollment_carries_its_labels_and_a_fresh_id()
    {
        var issuer = new JwtIssuer(Key);
        var request = new TokenRequest("join", [], [], TimeSpan.FromHours(1), TokenAudiences.Join, new Dictionary<string, string> { ["group"] = "web" });

        using var first = JsonDocument.Parse(Base64Url.DecodeFromChars(issuer.Issue(request).Split('.')[1]));
        using var second = JsonDocument.Parse(Base64Url.DecodeFromChars(issuer.Issue(request).Split('.')[1]));

        first.RootElement.GetProperty("aud").GetString().ShouldBe(TokenAudiences.Join);
        first.RootElement.GetProperty("labels").GetProperty("group").GetString().ShouldBe("web");
        first.RootElement.GetProperty("jti").GetString().ShouldNotBe(second.RootElement.GetProperty("jti").GetString());
    }

    [Fact]
    public void Explicit_scopes_are_written_as_an_array()
    {
        var token = new JwtIssuer(Key).Issue(new TokenRequest("ci", [], [Scopes.Read], TimeSpan.FromHours(1)));

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        payload.RootElement.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe([Scopes.Read]);
        payload.RootElement.GetProperty("roles").GetArrayLength().ShouldBe(0);
    }
}
