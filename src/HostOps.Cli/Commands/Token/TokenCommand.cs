using System.CommandLine;
using HostOps.Contracts.Security;

namespace HostOps.Cli.Commands.Token;

/// <summary><c>hostops token generate|validate</c>: bearer tokens signed with api.server.security.signing_key.</summary>
internal static class TokenCommand
{
    public const string SigningKeyKey = "api:server:security:signing_key";

    public static Command Create() =>
        new Command("token", "Make and check API bearer tokens (HS256 with api.server.security.signing_key).")
        {
            TokenGenerateCommand.Create(),
            TokenValidateCommand.Create(),
        }.WithExamples("TOKEN=$(hostops token generate --role read)", "hostops token validate \"$TOKEN\"");

    /// <summary>The key from configuration; missing or short is a configuration error (exit 2).</summary>
    public static string SigningKey(CommandContext context)
    {
        var key = context.LoadConfiguration().Configuration[SigningKeyKey] ?? "";
        var bytes = System.Text.Encoding.UTF8.GetByteCount(key);
        return bytes switch
        {
            0 => throw new Configuration.ConfigException(
                SigningKeyKey, "is not set (`hostops start` generates one in .hostops/hostops.yaml; or set HOSTOPS_API__SERVER__SECURITY__SIGNING_KEY)"),
            < SigningKeys.MinimumBytes => throw new Configuration.ConfigException(SigningKeyKey, $"is {bytes} bytes, needs at least {SigningKeys.MinimumBytes}"),
            _ => key,
        };
    }
}
