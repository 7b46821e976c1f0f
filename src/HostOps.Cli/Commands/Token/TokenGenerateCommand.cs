using System.CommandLine;
using HostOps.Contracts.Security;
using HostOps.Contracts.Text;

namespace HostOps.Cli.Commands.Token;

/// <summary>
/// <c>hostops token generate --role R [--scope S]… [--subject S] [--ttl D]</c>, <c>--join [--label K=V]…</c> (an
/// agent's join token) or <c>--server</c> (a server's join token): prints only the token.
/// </summary>
internal static class TokenGenerateCommand
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan DefaultJoinLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    public static Command Create()
    {
        var role = new Option<string[]>("--role", "-r")
        {
            Description = "Role: admin (read, write, admin), write (read, write) or read; repeatable",
            HelpName = "ROLE",
        };
        role.AcceptOnlyFromAmong([.. Scopes.Roles]);
        var scope = new Option<string[]>("--scope", "-s")
        {
            Description = "Explicit scope (read, write, admin); when given, only these scopes count, not the role's",
            HelpName = "SCOPE",
        };
        scope.AcceptOnlyFromAmong(Scopes.Read, Scopes.Write, Scopes.Admin);
        var subject = new Option<string?>("--subject") { Description = "Who the token is for (sub claim; default: your user name)", HelpName = "NAME" };
        var ttl = new Option<string?>("--ttl")
        {
            Description = $"Lifetime, e.g. 30m, 12h, 7d (default {DefaultLifetime.TotalHours:0}h, join tokens {DefaultJoinLifetime.TotalHours:0}h; at most {MaxLifetime.TotalDays:0}d)",
            HelpName = "DURATION",
        };
        var join = new Option<bool>("--join") { Description = "Print a join token for `hostops agent start --join` on a new host (single use)" };
        var server = new Option<bool>("--server") { Description = "Print a join token for `hostops nats server start --join` on a new server of the NATS cluster (single use)" };
        var label = new Option<string[]>("--label", "-l") { Description = "With --join: a label the joining agent gets, KEY=VALUE; repeatable", HelpName = "KEY=VALUE" };
        var command = new Command("generate", "Print a new bearer token (and nothing else) signed with the configured key")
        {
            role,
            scope,
            subject,
            ttl,
            join,
            server,
            label,
        }.WithExamples(
            "hostops token generate --join --ttl 1h --label group=web",
            "hostops token generate --server --ttl 30m",
            "TOKEN=$(hostops token generate --role read)",
            "hostops token generate --role write --subject deploy-bot --ttl 1h",
            "hostops token generate --role read --scope read --ttl 10m",
            "curl -H \"Authorization: Bearer $(hostops token generate -r read)\" http://127.0.0.1:8080/health/status");
        command.SetRunner(async context =>
        {
            var serverJoin = context.Parse.GetValue(server);
            var joining = context.Parse.GetValue(join) || serverJoin;
            var ttlText = context.Parse.GetValue(ttl);
            var lifetime = ttlText is null ? (joining ? DefaultJoinLifetime : DefaultLifetime)
                : DurationText.TryParse(ttlText, out var span) && span > TimeSpan.Zero ? span
                : throw new UsageException($"--ttl: '{ttlText}' is not a duration (like 30m, 12h, 7d)");
            if (lifetime > MaxLifetime)
            {
                throw new UsageException($"--ttl: {ttlText} is longer than the maximum of {MaxLifetime.TotalDays:0}d");
            }

            var roles = (context.Parse.GetValue(role) ?? []).Distinct(StringComparer.Ordinal).ToList();
            var key = TokenCommand.SigningKey(context);
            var issuer = new JwtIssuer(key, context.Services.Clock);
            if (serverJoin)
            {
                if (context.Parse.GetValue(join) || context.Parse.GetValue(label) is { Length: > 0 })
                {
                    throw new UsageException("--server: a server join token takes no --join or --label");
                }

                var secret = issuer.Issue(new TokenRequest("server-join", [], [], lifetime, TokenAudiences.ServerJoin));
                await context.Output.WriteLineAsync(JoinTokenContents.Create(context, secret).Encode());
                return CliApp.Ok;
            }

            if (joining)
            {
                var labels = LabelPairs.Parse(context.Parse.GetValue(label) ?? []);
                var secret = issuer.Issue(new TokenRequest("join", [], [], lifetime, TokenAudiences.Join, labels));
                await context.Output.WriteLineAsync(JoinTokenContents.Create(context, secret).Encode());
                return CliApp.Ok;
            }

            if (roles.Count == 0)
            {
                throw new UsageException("--role is required (or --join / --server for a join token)");
            }

            var request = new TokenRequest(
                context.Parse.GetValue(subject) ?? Environment.UserName,
                roles,
                [.. (context.Parse.GetValue(scope) ?? []).Distinct(StringComparer.Ordinal)],
                lifetime);
            await context.Output.WriteLineAsync(issuer.Issue(request));
            return CliApp.Ok;
        });
        return command;
    }
}
