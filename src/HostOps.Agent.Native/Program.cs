using HostOps.Cli.Commands;

return await CliApp.RunAsync(AgentCli.CreateRoot(AgentCli.Services), args, Console.Out, Console.Error);
