using HostOps.Api.Security;
using HostOps.Cli.Tests.Commands.Client;
using HostOps.Contracts.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Commands;

public sealed class UiCommandTests
{
    private static readonly string Key = SigningKeys.New();

    [Fact]
    public async Task Ui_prints_the_dashboard_url_with_a_15_minute_read_token_in_the_fragment()
    {
        using var cli = new CliRun(new StubApi(), ("API:SERVER:SECURITY:SIGNING_KEY", Key), ("API:SERVER:PORT", "18080"));

        (await cli.RunAsync("ui")).ShouldBe(0, cli.Error.ToString());

        var line = cli.Output.ToString().Trim();
        line.ShouldStartWith("http://127.0.0.1:18080/ui/#token=");
        var token = line[(line.IndexOf("#token=", StringComparison.Ordinal) + 7)..];
        var result = await TokenValidation.ValidateAsync(token, Key);
        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        jwt.GetClaim("roles").Value.ShouldBe("read");
        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Ui_takes_an_admin_role_a_lifetime_and_the_client_url()
    {
        using var cli = new CliRun(new StubApi(), ("API:SERVER:SECURITY:SIGNING_KEY", Key), ("API:CLIENT:URL", "https://ops.example:8443"));

        (await cli.RunAsync("ui", "--role", "admin", "--ttl", "1h")).ShouldBe(0, cli.Error.ToString());

        var line = cli.Output.ToString().Trim();
        line.ShouldStartWith("https://ops.example:8443/ui/#token=");
        var jwt = new JsonWebToken(line.Split("#token=")[1]);
        jwt.GetClaim("roles").Value.ShouldBe("admin");
        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromHours(1));
    }

    [Theory]
    [InlineData("--ttl", "soon", "hostops: --ttl: 'soon' is not a duration")]
    [InlineData("--ttl", "2d", "hostops: --ttl: 2d is longer than the maximum of 12h")]
    [InlineData("--role", "root", "hostops: Argument 'root' not recognized.")]
    public async Task Bad_input_is_a_usage_error(string option, string value, string message)
    {
        using var cli = new CliRun(new StubApi(), ("API:SERVER:SECURITY:SIGNING_KEY", Key));

        (await cli.RunAsync("ui", option, value)).ShouldBe(2);

        cli.Error.ToString().ShouldStartWith(message);
        cli.Output.ToString().ShouldBeEmpty();
    }
}
