using HostOps.Api.Security;
using HostOps.Cli.Tests.Commands.Client;
using HostOps.Contracts.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands;

public sealed class TokenCommandTests
{
    private static readonly string Key = SigningKeys.New();

    [Fact]
    public async Task Generate_prints_only_a_token_the_api_validator_accepts_with_its_claims()
    {
        using var cli = new CliRun(new StubApi(), ("API:SERVER:SECURITY:SIGNING_KEY", Key));

        var code = await cli.RunAsync("token", "generate", "--role", "write", "--scope", "read", "--subject", "deploy-bot", "--ttl", "1h");

        code.ShouldBe(0, cli.Error.ToString());
        var token = cli.Output.ToString();
        token.ShouldEndWith("\n");
        token.Trim().Split('.').Length.ShouldBe(3);
        var result = await TokenValidation.ValidateAsync(token.Trim(), Key);
        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        jwt.Subject.ShouldBe("deploy-bot");
        jwt.GetClaim("roles").Value.ShouldBe("write");
        jwt.GetClaim("scopes").Value.ShouldBe("read");
        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_token_from_another_key_is_refused_by_the_api_validator_and_by_validate()
    {
        using var other = new CliRun(new StubApi(), ("API:SERVER:SECURITY:SIGNING_KEY", SigningKeys.New()));
        await other.RunAsync("token", "generate", "--role", "admin");
        var token = other.Output.ToString().Trim();

        (await TokenValidation.ValidateAsync(token, Key)).IsValid.ShouldBeFalse();

        using var cli = new CliRun(new StubApi(), ("API:SERVER:SECURITY:SIGNING_KEY", Key));
        (await cli.RunAsync("token", "validate", token)).ShouldBe(1);
        cli.Error.ToString().ShouldBe("hostops: invalid token: signature does not match the signing key\n");
    }

    [Fact]
    public async Task Validate_shows_subject_roles_scopes_from_roles_and_expiry()
    {
        using var cli = new CliRun(new StubApi(), ("API:SERVER:SECURITY:SIGNING_KEY", Key));
        await cli.RunAsync("token", "generate", "-r", "admin", "--subject", "ops", "--ttl", "2h");
        var token = cli.Output.ToString().Trim();

        (await cli.RunAsync("token", "validate", token)).ShouldBe(0);

        var output = cli.Output.ToString();
        output.ShouldContain("Subject  ops");
        output.ShouldContain("Roles    admin");
        output.ShouldContain("Scopes   admin, read, write (from roles)");
        output.ShouldContain("(in 1h59m");
    }

    [Fact]
    public async Task Generate_without_a_signing_key_says_where_one_comes_from()
    {
        using var cli = new CliRun(new StubApi());

        (await cli.RunAsync("token", "generate", "--role", "read")).ShouldBe(2);

        cli.Error.ToString().ShouldStartWith("hostops: config api.server.security.signing_key: is not set (`hostops start` generates one");
    }

    [Theory]
    [InlineData("--ttl", "soon", "hostops: --ttl: 'soon' is not a duration (like 30m, 12h, 7d)")]
    [InlineData("--scope", "root", "hostops: Argument 'root' not recognized.")]
    public async Task Bad_options_are_usage_errors(string option, string value, string message)
    {
        using var cli = new CliRun(new StubApi(), ("API:SERVER:SECURITY:SIGNING_KEY", Key));

        (await cli.RunAsync("token", "generate", "--role", "read", option, value)).ShouldBe(2);

        cli.Error.ToString().ShouldStartWith(message);
        cli.Output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Generate_requires_a_role()
    {
        using var cli = new CliRun(new StubApi(), ("API:SERVER:SECURITY:SIGNING_KEY", Key));

        (await cli.RunAsync("token", "generate")).ShouldBe(2);

        cli.Error.ToString().ShouldContain("Usage: hostops token generate [options] (see --help)");
    }

    [Fact]
    public async Task A_server_join_token_is_only_for_a_joining_server()
    {
        using var cli = new CliRun(new StubApi(), ("API:SERVER:SECURITY:SIGNING_KEY", Key));

        (await cli.RunAsync("token", "generate", "--server")).ShouldBe(0, cli.Error.ToString());

        var token = HostOps.Contracts.Agents.JoinToken.TryDecode(cli.Output.ToString()).ShouldNotBeNull();
        (await TokenValidation.ValidateAsync(token.Secret, Key, TokenAudiences.ServerJoin)).IsValid.ShouldBeTrue();
        (await TokenValidation.ValidateAsync(token.Secret, Key, TokenAudiences.Join)).IsValid.ShouldBeFalse();
        (await TokenValidation.ValidateAsync(token.Secret, Key)).IsValid.ShouldBeFalse();
        (await cli.RunAsync("token", "generate", "--server", "--label", "a=b")).ShouldBe(2);
    }
}
