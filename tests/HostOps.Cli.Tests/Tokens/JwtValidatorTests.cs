using System.Buffers.Text;
using System.Text;
using HostOps.Cli.Tokens;
using HostOps.Contracts.Security;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Tokens;

public sealed class JwtValidatorTests
{
    private static readonly string Key = SigningKeys.New();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_token_of_the_issuer_is_valid_and_its_roles_imply_scopes()
    {
        var token = new JwtIssuer(Key, _time).Issue(new TokenRequest("ops", ["write"], [], TimeSpan.FromHours(1)));

        var info = new JwtValidator(Key, _time).Validate(token);

        info.ShouldBe(new TokenInfo("ops", ["write"], ["read", "write"], false, _time.GetUtcNow(), _time.GetUtcNow().AddHours(1)), new TokenInfoComparer());
    }

    [Fact]
    public void Expiry_allows_30_seconds_of_clock_skew_and_no_more()
    {
        var token = new JwtIssuer(Key, _time).Issue(new TokenRequest("ops", ["read"], [], TimeSpan.FromMinutes(1)));
        var validator = new JwtValidator(Key, _time);

        _time.Advance(TimeSpan.FromSeconds(89));
        Should.NotThrow(() => validator.Validate(token));
        _time.Advance(TimeSpan.FromSeconds(2));
        Should.Throw<InvalidTokenException>(() => validator.Validate(token)).Message.ShouldBe("expired at 2026-11-29 10:01:00Z");
    }

    [Theory]
    [InlineData("""{"alg":"none","typ":"JWT"}""", "algorithm none is not accepted (only HS256)")]
    [InlineData("""{"alg":"HS512","typ":"JWT"}""", "algorithm HS512 is not accepted (only HS256)")]
    [InlineData("""{"typ":"JWT"}""", "algorithm (none) is not accepted (only HS256)")]
    public void Only_hs256_is_accepted(string header, string message)
    {
        var token = new JwtIssuer(Key, _time).Issue(new TokenRequest("ops", ["read"], [], TimeSpan.FromHours(1)));
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + token[token.IndexOf('.', StringComparison.Ordinal)..];

        Should.Throw<InvalidTokenException>(() => new JwtValidator(Key, _time).Validate(forged)).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("abc", "not a JWT (expected three dot-separated parts)")]
    [InlineData("a.b.c", "header is not base64url")]
    [InlineData("YWJj.b.c", "header is not JSON")]
    public void Garbage_is_refused_with_a_reason(string token, string message) =>
        Should.Throw<InvalidTokenException>(() => new JwtValidator(Key, _time).Validate(token)).Message.ShouldBe(message);

    private sealed class TokenInfoComparer : IEqualityComparer<TokenInfo>
    {
        public bool Equals(TokenInfo? x, TokenInfo? y) =>
            x is not null && y is not null && x.Subject == y.Subject && x.Roles.SequenceEqual(y.Roles) && x.Scopes.SequenceEqual(y.Scopes)
            && x.ExplicitScopes == y.ExplicitScopes && x.IssuedAt == y.IssuedAt && x.ExpiresAt == y.ExpiresAt;

        public int GetHashCode(TokenInfo obj) => obj.Subject.GetHashCode(StringComparison.Ordinal);
    }
}
