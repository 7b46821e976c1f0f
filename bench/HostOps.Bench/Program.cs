using HostOps.Bench;

// dotnet run -c Release --project bench/HostOps.Bench -- [--jobs N] [--stats-jobs N]
// Runs every figure against one nats-server in one run and prints a Markdown table for docs/benchmarks.md.
// dotnet run -c Release --project bench/HostOps.Bench -- index-memory [--index-jobs 100000,1000000]
// measures the API's job index alone: bytes per stored job and the API's RSS (see IndexMemoryBench).
// dotnet run -c Release --project bench/HostOps.Bench -- fleet [tls|cluster] [--jobs N] [--rounds N] [--security-parts]
// only the fleet comparisons: TLS + nkey auth against plain, and a 3-server R3 cluster against one server.
// dotnet run -c Release --project bench/HostOps.Bench -- end-to-end [--raw N] [--jobs N] [--paced-seconds N]
// only raw JetStream, end to end and the paced latencies (the quick loop for changes to the job path).
// dotnet run -c Release --project bench/HostOps.Bench -- footprint [--jobs N]
// the packaged native agent against the JIT agent (after ./hostops package; see FootprintBench).
// Per-job logging would be measured too; the bench keeps warnings only.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
if (args.Length > 0 && args[0] == ApiRssProbe.Mode)
{
    return await ApiRssProbe.RunAsync(args);
}

if (args.Length > 0 && args[0] == FootprintBench.Mode)
{
    return await FootprintBench.RunAsync(args);
}

var settings = BenchSettings.Parse(args);
await using var run = await BenchRun.StartAsync(settings);
if (args.Length > 0 && args[0] == "index-memory")
{
    await run.IndexMemoryAsync();
}
else if (args.Length > 0 && args[0] == "end-to-end")
{
    await run.EndToEndOnlyAsync();
}
else if (args.Length > 0 && args[0] == "fleet")
{
    await run.FleetAsync(args.Length > 1 && args[1] is "tls" or "cluster" ? args[1] : null);
}
else
{
    await run.ExecuteAsync();
}

return 0;
