using HostOps.Cli.Commands;

return await CliApp.RunAsync(ClientCli.CreateRoot(CliServices.Default), args, Console.Out, Console.Error);
