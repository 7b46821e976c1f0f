using System.Text;
using HostOps.Cli.Tokens;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Tokens;

public sealed class JwtIssuerTests
{
    private static readonly string Key = JwtIssuer.NewSigningKey();

    [Fact]
    public async Task A_token_is_accepted_by_a_standard_hs256_validator_with_its_claims()
    {
        var token = new JwtIssuer(Key, TimeProvider.System).Issue(new TokenRequest("ops", ["write"], ["read"], TimeSpan.FromHours(1)));

        var result = await Validate(token, Key);

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        jwt.Subject.ShouldBe("ops");
        jwt.Alg.ShouldBe("HS256");
        jwt.GetClaim("roles").Value.ShouldBe("write");
        jwt.GetClaim("scopes").Value.ShouldBe("read");
        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var token = new JwtIssuer(JwtIssuer.NewSigningKey(), TimeProvider.System).Issue(new TokenRequest("ops", ["admin"], [], TimeSpan.FromHours(1)));

        (await Validate(token, Key)).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        var token = new JwtIssuer(Key, time).Issue(new TokenRequest("ops", ["read"], [], TimeSpan.FromHours(1)));

        (await Validate(token, Key)).Exception.ShouldBeOfType<SecurityTokenExpiredException>();
    }

    private static Task<TokenValidationResult> Validate(string token, string key) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
}
