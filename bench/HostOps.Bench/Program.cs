using HostOps.Bench;

// dotnet run -c Release --project bench/HostOps.Bench -- [jobs] [--jobs N] [--stats-jobs N]
// Runs every figure against one nats-server in one run and prints a Markdown table for docs/benchmarks.md.
// Per-job logging would be measured too; the bench keeps warnings only.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
var settings = BenchSettings.Parse(args);
await using var run = await BenchRun.StartAsync(settings);
await run.ExecuteAsync();
return 0;
