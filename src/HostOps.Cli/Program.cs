using HostOps.Cli.Commands;

return await ServerCli.RunAsync(args);
