using System.CommandLine;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary><c>hostops client job …</c>.</summary>
internal static class JobCommand
{
    public static Command Create() =>
        new Command("job", "Submit, watch and manage jobs.")
        {
            JobAddCommand.Create(),
            JobRunCommand.Create(),
            JobWatchCommand.Create(),
            JobListCommand.Create(),
            JobGetCommand.Create(),
            JobDeleteCommand.Create(),
            JobRetryCommand.Create(),
            JobStatusCommand.Create(),
            JobWorkersCommand.Create(),
        }.WithExamples(
            "hostops client job run -f hostname.json",
            "hostops client job list --status failed",
            "hostops client job get 0193f7a2-5b1c-7d4e-9f00-123456789abc");
}
