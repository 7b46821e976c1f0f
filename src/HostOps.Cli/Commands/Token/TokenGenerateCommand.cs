using System.CommandLine;
using HostOps.Contracts.Security;
using HostOps.Contracts.Text;

namespace HostOps.Cli.Commands.Token;

/// <summary><c>hostops token generate --role R [--scope S]… [--subject S] [--ttl D]</c>: prints only the token.</summary>
internal static class TokenGenerateCommand
{
    public static Command Create()
    {
        var role = new Option<string[]>("--role", "-r")
        {
            Description = "Role: admin (read, write, admin), write (read, write) or read; repeatable",
            HelpName = "ROLE",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. Scopes.Roles]);
        var scope = new Option<string[]>("--scope", "-s")
        {
            Description = "Explicit scope (read, write, admin); when given, only these scopes count, not the role's",
            HelpName = "SCOPE",
        };
        scope.AcceptOnlyFromAmong(Scopes.Read, Scopes.Write, Scopes.Admin);
        var subject = new Option<string?>("--subject") { Description = "Who the token is for (sub claim; default: your user name)", HelpName = "NAME" };
        var ttl = new Option<string>("--ttl")
        {
            Description = "Lifetime, e.g. 30m, 24h, 7d",
            HelpName = "DURATION",
            DefaultValueFactory = _ => "24h",
        };
        var command = new Command("generate", "Print a new bearer token (and nothing else) signed with the configured key")
        {
            role,
            scope,
            subject,
            ttl,
        }.WithExamples(
            "TOKEN=$(hostops token generate --role read)",
            "hostops token generate --role write --subject deploy-bot --ttl 1h",
            "hostops token generate --role read --scope read --ttl 10m",
            "curl -H \"Authorization: Bearer $(hostops token generate -r read)\" http://127.0.0.1:8080/health/status");
        command.SetRunner(async context =>
        {
            var lifetime = DurationText.TryParse(context.Parse.GetValue(ttl), out var span) && span > TimeSpan.Zero
                ? span
                : throw new UsageException($"--ttl: '{context.Parse.GetValue(ttl)}' is not a duration (like 30m, 24h, 7d)");
            var key = TokenCommand.SigningKey(context);
            var request = new TokenRequest(
                context.Parse.GetValue(subject) ?? Environment.UserName,
                [.. (context.Parse.GetValue(role) ?? []).Distinct(StringComparer.Ordinal)],
                [.. (context.Parse.GetValue(scope) ?? []).Distinct(StringComparer.Ordinal)],
                lifetime);
            await context.Output.WriteLineAsync(new JwtIssuer(key, context.Services.Clock).Issue(request));
            return CliApp.Ok;
        });
        return command;
    }
}
