using HostOps.Agent.Operations;
using HostOps.Cli.Commands;
using HostOps.Faults.Host;
using HostOps.Jobs.Client;

// The API accepts the type (with its input rule); the agent runs it. Everything else is the shipped CLI.
OperationInput.Register(RecordOperation.Type, RecordOperation.Validate);
return await ServerCli.RunAsync(args, services => services.AddOperationHandler<RecordOperation>());
