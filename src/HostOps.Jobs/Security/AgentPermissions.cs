using HostOps.Contracts.Jobs;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;

namespace HostOps.Jobs.Security;

/// <summary>
/// The subjects one agent's NATS identity may use, enforced by nats-server (see docs/operations.md). An agent may
/// pull from and acknowledge its own consumers and the shared one, create only its own, read job definitions and
/// events, write its own host's events, responses, registry key and dead letters, and take a single-target job's
/// claim; it receives only on its own inbox prefix. It can never publish a job notification, store a definition,
/// touch another host's keys or responses, read other hosts' responses, or create, delete or purge streams,
/// buckets or other consumers.
/// </summary>
public static class AgentPermissions
{
    /// <summary>The inbox prefix of an agent's connection: replies to its requests come only there.</summary>
    public static string InboxPrefix(string hostname) => $"_INBOX_{HostToken.From(hostname)}";

    /// <param name="draining">A draining agent may finish and acknowledge what it holds but fetch nothing new: the
    /// server refuses its pull requests.</param>
    public static IReadOnlyList<string> Publish(JobOptions options, string hostname, IReadOnlyDictionary<string, string> labels, bool draining = false)
    {
        var host = HostToken.From(hostname);
        var stream = options.Stream.Name;
        var jobs = options.Kv.Bucket;
        var routes = JobSubjects.RoutesFor(hostname, labels);
        var subjects = new List<string>
        {
            "$JS.API.INFO",
            $"$JS.API.STREAM.INFO.{stream}",
            $"$JS.API.STREAM.INFO.KV_{jobs}",
            $"$JS.API.STREAM.INFO.KV_{options.Kv.ResponseBucket}",
            $"$JS.API.STREAM.INFO.KV_{options.Registry.Bucket}",
            $"$JS.API.STREAM.INFO.{options.Dlq.Name}",
        };
        foreach (var route in routes)
        {
            var consumer = JobConsumers.NameOf(hostname, route);
            if (consumer != JobConsumers.SharedName)
            {
                subjects.Add($"$JS.API.CONSUMER.CREATE.{stream}.{consumer}");
                subjects.Add($"$JS.API.CONSUMER.CREATE.{stream}.{consumer}.>");
                subjects.Add($"$JS.API.CONSUMER.DURABLE.CREATE.{stream}.{consumer}");
            }

            subjects.Add($"$JS.API.CONSUMER.INFO.{stream}.{consumer}");
            if (!draining)
            {
                subjects.Add($"$JS.API.CONSUMER.MSG.NEXT.{stream}.{consumer}");
            }

            subjects.Add($"$JS.ACK.{stream}.{consumer}.>");
        }

        subjects.AddRange(
        [
            $"$JS.API.DIRECT.GET.KV_{jobs}.$KV.{jobs}.{JobKeys.DefinitionPrefix}*",
            $"$JS.API.DIRECT.GET.KV_{jobs}.$KV.{jobs}.{JobKeys.EventPrefix}>",
            $"$KV.{jobs}.{JobKeys.EventPrefix}*.*.*.{host}",
            $"$KV.{jobs}.{JobKeys.EventPrefix}*.*.{JobEventKind.Started}.{JobKeys.NoHost}",
            $"$KV.{options.Kv.ResponseBucket}.*.{host}",
            $"$KV.{options.Registry.Bucket}.{JobKeys.Agent(hostname)}",
            $"{options.Dlq.SubjectPrefix}.*.{host}",
        ]);
        return subjects;
    }

    public static IReadOnlyList<string> Subscribe(string hostname) => [$"{InboxPrefix(hostname)}.>"];
}
