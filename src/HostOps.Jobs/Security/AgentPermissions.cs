using HostOps.Contracts.Jobs;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;

namespace HostOps.Jobs.Security;

/// <summary>
/// The subjects one agent's NATS identity may use, enforced by nats-server (see docs/operations.md). An agent may
/// pull from and acknowledge its own consumers and the shared one, create only its own, read the definitions of the
/// routes it serves (definitions are keyed by route, see <see cref="JobKeys"/>) and the events its work needs, write its
/// own host's events (its responses travel in its terminal events), registry key and dead letters, claim the jobs sent
/// to its host (the claim ends in its host token) and take the shared claim of <c>_any</c> jobs; it receives only on
/// its own inbox prefix. It can never publish a job notification, store a definition, read a definition of a route it
/// does not serve, claim a job sent to another host, touch another host's keys, read another host's claims or events
/// (and so its responses) except the shared claims of <c>_any</c> jobs, or create, delete or purge streams, buckets or
/// other consumers.
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

        // Definitions only of the routes it serves; events only where its own work needs them: the next attempt's
        // retried mark, the shared claim of _any jobs, and its own claims and events.
        var directGet = $"$JS.API.DIRECT.GET.KV_{jobs}.$KV.{jobs}.";
        var hostClaim = JobKeys.ClaimHost(JobSubjects.Route(new JobTarget(TargetKind.Host, hostname)), hostname);
        subjects.AddRange(routes.Select(route => directGet + JobKeys.DefinitionsOf(route)));
        subjects.AddRange(
        [
            $"{directGet}{JobKeys.EventPrefix}*.*.{JobEventKind.Retried}.{JobKeys.NoHost}",
            $"{directGet}{JobKeys.EventPrefix}*.*.{JobEventKind.Started}.{JobKeys.NoHost}",
            $"{directGet}{JobKeys.EventPrefix}*.*.*.{host}",
            $"$KV.{jobs}.{JobKeys.EventPrefix}*.*.*.{host}",
            $"$KV.{jobs}.{JobKeys.EventPrefix}*.*.{JobEventKind.Started}.{JobKeys.NoHost}",
            $"$KV.{options.Registry.Bucket}.{JobKeys.Agent(hostname)}",
            $"{options.Dlq.SubjectPrefix}.*.{host}",
        ]);
        if (hostClaim != host)
        {
            // Its host jobs are claimed under the route's (lower-case) token, which its own may differ from in case.
            subjects.Add($"{directGet}{JobKeys.EventPrefix}*.*.{JobEventKind.Started}.{hostClaim}");
            subjects.Add($"$KV.{jobs}.{JobKeys.EventPrefix}*.*.{JobEventKind.Started}.{hostClaim}");
        }

        subjects.AddRange(FileStoreReads(options.Files.Bucket));
        return subjects;
    }

    /// <summary>
    /// Reading the file store's Object Store bucket, as NATS.Net does it: the stream's info, an object's metadata (the
    /// stream's message get), and its chunks through an ordered consumer of its own on the bucket's stream, deleted
    /// after the read. Nothing here can put, delete or purge an object, or touch any other stream.
    /// </summary>
    public static IReadOnlyList<string> FileStoreReads(string bucket)
    {
        var stream = $"OBJ_{bucket}";
        return
        [
            $"$JS.API.STREAM.INFO.{stream}",
            $"$JS.API.STREAM.MSG.GET.{stream}",
            $"$JS.API.CONSUMER.CREATE.{stream}.>",
            $"$JS.API.CONSUMER.MSG.NEXT.{stream}.*",
            $"$JS.API.CONSUMER.DELETE.{stream}.*",
        ];
    }

    public static IReadOnlyList<string> Subscribe(string hostname) => [$"{InboxPrefix(hostname)}.>"];
}
