using HostOps.Cli.Configuration;
using HostOps.Cli.Hosting;
using HostOps.Nats.Server;

namespace HostOps.Cli.Commands.Start;

/// <summary>What <c>start</c> prints once everything answers: where things are and what to try next.</summary>
internal static class StartBanner
{
    public static async Task WriteAsync(TextWriter output, HostOpsSettings settings, ManagedNatsServer nats, string configFile, bool firstRun)
    {
        var url = ApiHost.ClientUrl(settings);
        var keyNote = firstRun ? " (first run: generated a signing key)" : "";
        var curl = settings.ApiServer.Tls.Enabled ? $"curl --cacert {settings.ApiServer.Tls.CaFile}" : "curl";
        await output.WriteLineAsync($"""

            HostOps is running.
              API     {url}   (reference: {url}/docs)
              UI      {url}/ui/   (./hostops ui prints a URL that signs you in)
              NATS    {nats.Url}   (store {nats.StoreDir})
              Config  {configFile}{keyNote}
                      api.client.token there holds a fresh admin token, valid {StartupSecrets.AdminTokenLifetime.TotalHours:0}h

            Next, in another terminal from this directory:
              ./hostops ui                                    # open the dashboard
              ./hostops client health status
              ./hostops client system status
              ./hostops client job list
              TOKEN=$(./hostops token generate --role read)   # a token for curl or scripts
              {curl} -H "Authorization: Bearer $TOKEN" {url}/health/status

            Ctrl-C stops everything.
            """);
    }
}
