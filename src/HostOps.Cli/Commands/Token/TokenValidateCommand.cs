using System.CommandLine;
using HostOps.Cli.Rendering;
using HostOps.Cli.Tokens;
using HostOps.Contracts.Text;
using Spectre.Console;

namespace HostOps.Cli.Commands.Token;

/// <summary><c>hostops token validate TOKEN</c>: what the token grants, or why the API would refuse it (exit 1).</summary>
internal static class TokenValidateCommand
{
    public static Command Create()
    {
        var token = new Argument<string>("token") { Description = "The token to check (as printed by token generate)" };
        var command = new Command("validate", "Check a token against the configured key: subject, roles, scopes, expiry") { token }
            .WithExamples("hostops token validate \"$TOKEN\"", "hostops token validate \"$(hostops token generate -r read)\"");
        command.SetRunner(async context =>
        {
            var key = TokenCommand.SigningKey(context);
            TokenInfo info;
            try
            {
                info = new JwtValidator(key, context.Services.Clock).Validate(context.Parse.GetValue(token)!);
            }
            catch (InvalidTokenException e)
            {
                await context.Error.WriteLineAsync($"hostops: invalid token: {e.Message}");
                return CliApp.Failed;
            }

            var now = context.Services.Clock.GetUtcNow();
            var grid = new Grid().AddColumn().AddColumn();
            Add(grid, "Valid", "yes");
            Add(grid, "Subject", info.Subject);
            Add(grid, "Roles", string.Join(", ", info.Roles));
            Add(grid, "Scopes", string.Join(", ", info.Scopes) + (info.ExplicitScopes ? " (explicit)" : " (from roles)"));
            if (info.IssuedAt is { } issued)
            {
                Add(grid, "Issued", Units.Time(issued));
            }

            var left = info.ExpiresAt - now;
            Add(grid, "Expires", $"{Units.Time(info.ExpiresAt)} ({(left > TimeSpan.Zero ? "in " + DurationText.Format(left) : "within clock skew")})");
            CliConsole.Create(context.Output).Write(grid);
            return CliApp.Ok;
        });
        return command;
    }

    private static void Add(Grid grid, string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value));
}
