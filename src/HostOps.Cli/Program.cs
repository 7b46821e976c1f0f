using HostOps.Cli.Commands;

return await CliApp.RunAsync(ServerCli.CreateRoot(CliServices.Default), args, Console.Out, Console.Error);
