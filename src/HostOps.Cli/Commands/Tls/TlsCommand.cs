using System.CommandLine;

namespace HostOps.Cli.Commands.Tls;

/// <summary><c>hostops tls …</c>.</summary>
internal static class TlsCommand
{
    public static Command Create() =>
        new("tls", "HostOps' own CA and the certificates it issues (<data_dir>/tls/).")
        {
            RotateCaCommand.Create(),
        };
}
