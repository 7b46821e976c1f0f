using System.CommandLine;
using HostOps.Cli.Configuration;
using HostOps.Nats.Tls;

namespace HostOps.Cli.Commands.Tls;

/// <summary>
/// <c>hostops tls rotate-ca add|activate|drop</c>: the three steps of replacing HostOps' own CA without an agent ever
/// meeting a certificate it does not trust (docs/operations.md, "Rotating the CA").
/// </summary>
internal static class RotateCaCommand
{
    public const string Add = "add";
    public const string Activate = "activate";
    public const string Drop = "drop";

    public static Command Create()
    {
        var step = new Argument<string>("step") { Description = "add: make the next CA and trust it beside the current one; activate: issue the server certificates from it; drop: stop trusting the previous CA" };
        step.AcceptOnlyFromAmong(Add, Activate, Drop);
        var command = new Command("rotate-ca", """
            Rotate HostOps' own CA in <data_dir>/tls/ in three steps. After `add`, wait until every agent has fetched the
            bundle (at its start and every 5 minutes); after `activate`, restart the control plane; after every agent
            and client has the new CA, `drop` the previous one.
            """) { step }.WithExamples(
            "hostops tls rotate-ca add",
            "hostops tls rotate-ca activate",
            "hostops tls rotate-ca drop");
        command.SetRunner(async context =>
        {
            var dataDir = context.LoadConfiguration().DataDir;
            try
            {
                var said = context.Parse.GetValue(step) switch
                {
                    Add => $"added the next CA (sha256 {HostOpsCa.AddNext(dataDir)}) to {HostOpsCa.CaPathIn(dataDir)}, trusted beside the current one; "
                        + "agents fetch it within 5 minutes (or at their next start); then: hostops tls rotate-ca activate",
                    Activate => $"the next CA (sha256 {HostOpsCa.ActivateNext(dataDir)}) is now the current one and issued new server certificates; "
                        + "restart the control plane (hostops start) to serve them; new join tokens pin this CA; later: hostops tls rotate-ca drop",
                    _ => $"dropped {HostOpsCa.DropPrevious(dataDir)} previous CA(s) from {HostOpsCa.CaPathIn(dataDir)}; agents fetch the bundle within 5 minutes",
                };
                await context.Output.WriteLineAsync(said);
                return CliApp.Ok;
            }
            catch (InvalidOperationException e)
            {
                throw new ConfigException(e.Message, e);
            }
        });
        return command;
    }
}
