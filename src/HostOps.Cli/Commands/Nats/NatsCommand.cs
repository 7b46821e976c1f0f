using System.CommandLine;

namespace HostOps.Cli.Commands.Nats;

/// <summary><c>hostops nats …</c>.</summary>
internal static class NatsCommand
{
    public static Command Create() =>
        new("nats", "The NATS server HostOps runs its jobs on.")
        {
            new Command("server", "The managed nats-server (JetStream, store under the data directory).")
            {
                NatsServerStartCommand.Create(),
            },
        };
}
