using HostOps.Api.Security;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HostOps.Api.Tests.Security;

/// <summary>The shared issuer's tokens held to the API's own validator (the input checks are in HostOps.Contracts.Tests).</summary>
public sealed class JwtIssuerTests
{
    [Fact]
    public async Task An_issued_token_carries_sub_iat_exp_and_roles_and_validates()
    {
        var token = new JwtIssuer(TestTokens.SigningKey).Issue(new TokenRequest("ops", [Scopes.Write], [], TimeSpan.FromMinutes(10)));

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
    public async Task Explicit_scopes_are_written_as_an_array_and_validate_with_the_roles()
    {
        var token = new JwtIssuer(TestTokens.SigningKey).Issue(new TokenRequest("ops", [Scopes.Write], [Scopes.Read], TimeSpan.FromHours(1)));

        var result = await TokenValidation.ValidateAsync(token, TestTokens.SigningKey);
        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        jwt.GetClaim("roles").Value.ShouldBe(Scopes.Write);
        jwt.GetClaim("scopes").Value.ShouldBe(Scopes.Read);
        new JsonWebToken(token).GetPayloadValue<string[]>("scopes").ShouldBe([Scopes.Read]);
        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var token = new JwtIssuer(SigningKeys.New()).Issue(new TokenRequest("ops", [Scopes.Admin], [], TimeSpan.FromHours(1)));

        (await TokenValidation.ValidateAsync(token, TestTokens.SigningKey)).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task An_expired_token_is_refused_as_expired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        var token = new JwtIssuer(TestTokens.SigningKey, time).Issue(new TokenRequest("ops", [Scopes.Read], [], TimeSpan.FromHours(1)));

        (await TokenValidation.ValidateAsync(token, TestTokens.SigningKey)).Exception.ShouldBeOfType<SecurityTokenExpiredException>();
    }

    [Fact]
    public async Task A_token_expired_within_the_30_second_skew_is_still_accepted_but_not_beyond()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10));
        var justExpired = new JwtIssuer(TestTokens.SigningKey, clock).Issue(new TokenRequest("x", [Scopes.Read], [], TimeSpan.FromSeconds(600 - 20)));
        var longExpired = new JwtIssuer(TestTokens.SigningKey, clock).Issue(new TokenRequest("x", [Scopes.Read], [], TimeSpan.FromSeconds(600 - 60)));

        (await TokenValidation.ValidateAsync(justExpired, TestTokens.SigningKey)).IsValid.ShouldBeTrue();
        (await TokenValidation.ValidateAsync(longExpired, TestTokens.SigningKey)).IsValid.ShouldBeFalse();
    }
}
