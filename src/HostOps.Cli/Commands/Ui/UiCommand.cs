using System.CommandLine;
using HostOps.Cli.Commands.Token;
using HostOps.Contracts.Security;
using HostOps.Contracts.Text;

namespace HostOps.Cli.Commands.Ui;

/// <summary>
/// <c>hostops ui [--role R] [--ttl D] [--subject S]</c>: prints a URL that opens the dashboard signed in with a fresh
/// short-lived token (signed like <c>hostops token generate</c>'s). The token rides in the URL's fragment, which a
/// browser never sends to the server; the page moves it into session storage and off the address bar.
/// </summary>
internal static class UiCommand
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(12);

    public static Command Create()
    {
        var role = new Option<string>("--role", "-r")
        {
            Description = "Role of the token: read (default; no buttons that change things), write or admin",
            HelpName = "ROLE",
            DefaultValueFactory = _ => Scopes.Read,
        };
        role.AcceptOnlyFromAmong([.. Scopes.Roles]);
        var ttl = new Option<string?>("--ttl")
        {
            Description = $"Lifetime of the token, e.g. 15m, 1h (default {DefaultLifetime.TotalMinutes:0}m, at most {MaxLifetime.TotalHours:0}h)",
            HelpName = "DURATION",
        };
        var subject = new Option<string?>("--subject") { Description = "Who the token is for (sub claim; default: your user name)", HelpName = "NAME" };
        var command = new Command("ui", "Print a URL that opens the web dashboard signed in with a short-lived token")
        {
            role,
            ttl,
            subject,
        }.WithExamples("hostops ui", "hostops ui --role admin --ttl 1h");
        command.SetRunner(async context =>
        {
            var ttlText = context.Parse.GetValue(ttl);
            var lifetime = ttlText is null ? DefaultLifetime
                : DurationText.TryParse(ttlText, out var span) && span > TimeSpan.Zero ? span
                : throw new UsageException($"--ttl: '{ttlText}' is not a duration (like 15m, 1h)");
            if (lifetime > MaxLifetime)
            {
                throw new UsageException($"--ttl: {ttlText} is longer than the maximum of {MaxLifetime.TotalHours:0}h");
            }

            var issuer = new JwtIssuer(TokenCommand.SigningKey(context), context.Services.Clock);
            var token = issuer.Issue(new TokenRequest(
                context.Parse.GetValue(subject) ?? Environment.UserName, [context.Parse.GetValue(role) ?? Scopes.Read], [], lifetime));
            var api = JoinTokenContents.ApiUrl(context.LoadConfiguration().Configuration).TrimEnd('/');
            await context.Output.WriteLineAsync($"{api}/ui/#token={token}");
            return CliApp.Ok;
        });
        return command;
    }
}
