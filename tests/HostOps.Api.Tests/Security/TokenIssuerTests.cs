using HostOps.Api.Security;
using HostOps.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HostOps.Api.Tests.Security;

public sealed class TokenIssuerTests
{
    [Fact]
    public async Task An_issued_token_carries_sub_iat_exp_and_roles_and_validates()
    {
        var token = new TokenIssuer(TestTokens.SigningKey).Issue("ops", [Scopes.Write], null, TimeSpan.FromMinutes(10));

        var result = await TokenValidation.ValidateAsync(token, TestTokens.SigningKey);
        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var jwt = new JsonWebToken(token);
        jwt.Alg.ShouldBe("HS256");
        jwt.Subject.ShouldBe("ops");
        jwt.GetPayloadValue<string[]>("roles").ShouldBe([Scopes.Write]);
        jwt.TryGetPayloadValue<string[]>("scopes", out _).ShouldBeFalse();
        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void Explicit_scopes_are_written_as_an_array()
    {
        var token = new TokenIssuer(TestTokens.SigningKey).Issue("ci", [], [Scopes.Read], TimeSpan.FromHours(1));
        new JsonWebToken(token).GetPayloadValue<string[]>("scopes").ShouldBe([Scopes.Read]);
    }

    [Fact]
    public void Unknown_roles_and_scopes_and_empty_lifetimes_are_refused_naming_the_input()
    {
        var issuer = new TokenIssuer(TestTokens.SigningKey);
        Should.Throw<ArgumentException>(() => issuer.Issue("x", ["root"], null, TimeSpan.FromHours(1))).Message.ShouldStartWith("role: 'root'");
        Should.Throw<ArgumentException>(() => issuer.Issue("x", [], ["everything"], TimeSpan.FromHours(1))).Message.ShouldStartWith("scope: 'everything'");
        Should.Throw<ArgumentException>(() => issuer.Issue("x", [Scopes.Read], null, TimeSpan.Zero)).Message.ShouldStartWith("ttl:");
    }

    [Fact]
    public void A_short_signing_key_is_refused_with_a_one_line_message_naming_the_key()
    {
        var error = Should.Throw<ArgumentException>(() => new TokenIssuer("too-short"));
        error.Message.ShouldStartWith("api.server.security.signing_key: 9 bytes is too short (needs at least 32 bytes)");
    }

    [Fact]
    public async Task A_token_expired_within_the_30_second_skew_is_still_accepted_but_not_beyond()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10));
        var justExpired = new TokenIssuer(TestTokens.SigningKey, clock).Issue("x", [Scopes.Read], null, TimeSpan.FromSeconds(600 - 20));
        var longExpired = new TokenIssuer(TestTokens.SigningKey, clock).Issue("x", [Scopes.Read], null, TimeSpan.FromSeconds(600 - 60));

        (await TokenValidation.ValidateAsync(justExpired, TestTokens.SigningKey)).IsValid.ShouldBeTrue();
        (await TokenValidation.ValidateAsync(longExpired, TestTokens.SigningKey)).IsValid.ShouldBeFalse();
    }
}
