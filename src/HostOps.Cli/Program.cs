using HostOps.Cli.Commands;

return await CliApp.RunAsync(args, Console.Out, Console.Error);
