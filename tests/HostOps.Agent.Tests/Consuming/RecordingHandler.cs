using System.Collections.Concurrent;
using System.Text.Json;
using HostOps.Agent.Operations;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;

namespace HostOps.Agent.Tests.Consuming;

/// <summary>
/// A <c>system.hostname.get</c> handler that records which agent ran which call, and can be told to block (until released) or to
/// throw, so routing, crashes and retries can be observed. Shared by the agents of one test.
/// </summary>
internal sealed class RecordingHandler(AgentIdentity identity, RecordingHandler.Journal journal) : IOperationHandler
{
    public string OperationType => OperationTypes.HostnameGet;

    public async Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var call = journal.Record(identity.Hostname);
        if (journal.BlockOn == identity.Hostname)
        {
            journal.Blocked.TrySetResult();
            await journal.Release.Task.WaitAsync(cancellationToken);
        }

        if (call <= journal.TransientFailures)
        {
            throw new InvalidOperationException($"transient failure {call}");
        }

        return JsonSerializer.SerializeToElement(new HostnameResult(identity.Hostname), HostOpsJsonContext.Default.HostnameResult);
    }

    public sealed class Journal
    {
        private int _calls;

        public ConcurrentQueue<string> Runs { get; } = new();

        public string? BlockOn { get; set; }

        public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Lets the blocked call go on (it waits for this, or for its cancellation).</summary>
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int TransientFailures { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public int Record(string hostname)
        {
            Runs.Enqueue(hostname);
            return Interlocked.Increment(ref _calls);
        }
    }
}
