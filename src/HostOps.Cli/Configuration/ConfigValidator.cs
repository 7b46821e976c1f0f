using System.Net;
using System.Net.Sockets;
using System.Text;
using HostOps.Contracts.Operations.Files;
using HostOps.Contracts.Security;
using HostOps.Contracts.Text;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Telemetry;
using Microsoft.Extensions.Configuration;

namespace HostOps.Cli.Configuration;

/// <summary>
/// Checks the bound settings before anything starts; the first problem is thrown as one line naming the key.
/// Only what the starting components use is checked (a client command does not need a signing key).
/// </summary>
public static class ConfigValidator
{
    public const int MinimumSigningKeyBytes = SigningKeys.MinimumBytes;

    private static readonly string[] StorageKinds = ["file", "memory"];

    public static void Validate(HostOpsSettings settings, StartingComponents components)
    {
        if (components.HasFlag(StartingComponents.NatsServer))
        {
            Port("nats:server:port", settings.NatsServer.Port);
            var tls = settings.NatsServer.Tls;
            if (tls.IsConfigured)
            {
                OwnCertificate("nats:server:tls", tls.CertFile, tls.KeyFile, tls.CaFile);
            }
        }

        if (components.HasFlag(StartingComponents.Api))
        {
            Port("api:server:port", settings.ApiServer.Port);
            Positive("api:server:job_timeout", settings.ApiServer.JobTimeout);
            SigningKey(settings.ApiServer.Security.SigningKey);
            ApiTls(settings.ApiServer);
        }

        if (components.HasFlag(StartingComponents.Api) || components.HasFlag(StartingComponents.Agent))
        {
            NatsUrl(settings.Nats.Url);
            Jobs(settings);
        }

        if (components.HasFlag(StartingComponents.Client))
        {
            HttpUrl("api:client:url", settings.ApiClient.Url);
        }
    }

    /// <summary>
    /// <c>metrics.listen</c> and <c>telemetry.otlp.*</c> of a starting API or agent; with <paramref name="checkPort"/>, also
    /// refuses a metrics port another process listens on.
    /// </summary>
    public static void Telemetry(IConfiguration configuration, bool checkPort = false)
    {
        if (!MetricsListenAddress.TryParse(configuration[MetricsListenAddress.Key], out var endpoint, out var problem))
        {
            throw new ConfigException(MetricsListenAddress.Key, problem!);
        }

        try
        {
            TelemetryServiceCollectionExtensions.Otlp(configuration);
        }
        catch (InvalidOperationException e)
        {
            var key = e.Message.StartsWith("telemetry.otlp.protocol", StringComparison.Ordinal)
                ? TelemetryServiceCollectionExtensions.OtlpProtocolKey
                : TelemetryServiceCollectionExtensions.OtlpEndpointKey;
            throw new ConfigException(key, e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
        }

        if (checkPort && endpoint is not null)
        {
            PortIsFree(MetricsListenAddress.Key, endpoint.Address.ToString(), endpoint.Port);
        }
    }

    /// <summary>Refuses a port another process listens on, before a half-started system has to be torn down.</summary>
    public static void PortIsFree(string key, string host, int port)
    {
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : IPAddress.Any;
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new ConfigException(key, $"{port} is in use by another process");
        }
    }

    private static void Jobs(HostOpsSettings settings)
    {
        var job = settings.Job;
        Storage("job:stream:storage", job.Stream.Storage);
        Storage("job:kv:storage", job.Kv.Storage);
        Storage("job:dlq:storage", job.Dlq.Storage);
        Storage("job:registry:storage", job.Registry.Storage);
        Storage("job:files:storage", job.Files.Storage);
        AtLeastOne("job:stream:replicas", job.Stream.Replicas);
        AtLeastOne("job:kv:replicas", job.Kv.Replicas);
        AtLeastOne("job:dlq:replicas", job.Dlq.Replicas);
        AtLeastOne("job:registry:replicas", job.Registry.Replicas);
        if (job.Files.Replicas is { } fileReplicas)
        {
            AtLeastOne("job:files:replicas", fileReplicas);
        }

        AtLeastOne("job:consumer:max_deliver", job.Consumer.MaxDeliver);
        AtLeastOne("job:worker:max_jobs", job.Worker.MaxJobs);
        Positive("job:stream:max_age", job.Stream.MaxAge);
        Positive("job:kv:ttl", job.Kv.Ttl);
        Positive("job:dlq:max_age", job.Dlq.MaxAge);
        Positive("job:registry:ttl", job.Registry.Ttl);
        Positive("job:registry:heartbeat_interval", job.Registry.HeartbeatInterval);
        Positive("job:consumer:ack_wait", job.Consumer.AckWait);
        Positive("job:consumer:inactive_threshold", job.Consumer.InactiveThreshold);
        Positive("job:sweep:interval", job.Sweep.Interval);
        for (var i = 0; i < job.Consumer.BackOff.Count; i++)
        {
            Positive($"job:consumer:back_off:{i}", job.Consumer.BackOff[i]);
        }

        Positive("job:stream:max_bytes", job.Stream.MaxBytes);
        Positive("job:kv:max_bytes", job.Kv.MaxBytes);
        Positive("job:dlq:max_bytes", job.Dlq.MaxBytes);
        Positive("job:registry:max_bytes", job.Registry.MaxBytes);
        Positive("job:files:max_bytes", job.Files.MaxBytes);
        Labels(job.Worker.Labels);
        CommandAllow(job.Worker.Command.Allow);
        FilesAllow(job.Worker.Files.Allow ?? []);
    }

    /// <summary>Each <c>job.worker.files.allow</c> entry is <c>/</c> or an absolute, normalised directory.</summary>
    private static void FilesAllow(IReadOnlyList<string> allow)
    {
        for (var i = 0; i < allow.Count; i++)
        {
            var field = $"job:worker:files:allow:{i}";
            var entry = allow[i].Length > 1 ? allow[i].TrimEnd('/') : allow[i];
            if (entry != "/" && FileRules.HostPath(field, entry) is not null)
            {
                throw new ConfigException(field, $"'{allow[i]}' is not an absolute directory (like /etc or /srv/www, or / for every path; no . or .. parts)");
            }
        }
    }

    /// <summary>Each <c>job.worker.command.allow</c> entry is an absolute path or glob (<c>/usr/bin/*</c>) a program's path can match.</summary>
    private static void CommandAllow(IReadOnlyList<string> allow)
    {
        for (var i = 0; i < allow.Count; i++)
        {
            var entry = allow[i];
            if (string.IsNullOrEmpty(entry) || !entry.StartsWith('/') || entry.Contains('\0', StringComparison.Ordinal) || entry.EndsWith('/')
                || entry.Split('/').Any(part => part is "." or ".."))
            {
                throw new ConfigException(
                    $"job:worker:command:allow:{i}", $"'{entry}' is not an absolute program path or glob (like /usr/bin/uptime or /usr/bin/*; no . or .. parts)");
            }
        }
    }

    /// <summary>
    /// Label keys and values become subject tokens (<c>jobs.*.label.&lt;key&gt;.&lt;value&gt;</c>): a key is one token, a value
    /// one or more dot-separated tokens (a hierarchy such as <c>web.dev.east</c>, targeted by any prefix); neither may
    /// hold a NATS wildcard, a space or an empty token, so every configured label can be targeted as <c>key:value</c>.
    /// </summary>
    private static void Labels(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in labels)
        {
            if (!JobTarget.IsLabelKey(key))
            {
                throw new ConfigException(
                    $"job:worker:labels:{key}", "the label key must be letters, digits, '_' or '-' (no '.', '*', '>', spaces)");
            }

            if (!JobTarget.IsLabelValue(value))
            {
                throw new ConfigException(
                    $"job:worker:labels:{key}",
                    $"'{value}' is not a label value: dot-separated parts of letters, digits, '_' or '-' (no '*', '>', spaces, empty parts)");
            }
        }
    }

    /// <summary>Beyond loopback the API needs HTTPS (or an explicit allow_insecure_http); an operator's certificate needs its key and CA.</summary>
    private static void ApiTls(Api.Configuration.ApiServerOptions api)
    {
        if (api.InsecureListenProblem is { } problem)
        {
            throw new ConfigException("api:server:tls", problem);
        }

        var tls = api.Tls;
        if (tls.Enabled && (tls.CertFile.Length > 0 || tls.KeyFile.Length > 0))
        {
            OwnCertificate("api:server:tls", tls.CertFile, tls.KeyFile, tls.CaFile);
        }
    }

    // An operator's own certificate: all three files, each readable (the CA is what clients trust and join tokens pin).
    private static void OwnCertificate(string section, string certFile, string keyFile, string caFile)
    {
        foreach (var (key, path) in new[] { ("cert_file", certFile), ("key_file", keyFile), ("ca_file", caFile) })
        {
            if (path.Length == 0)
            {
                throw new ConfigException($"{section}:{key}", "is not set: an own certificate needs cert_file, key_file and ca_file (the CA that clients trust and join tokens pin)");
            }

            if (!File.Exists(path))
            {
                throw new ConfigException($"{section}:{key}", $"{path} does not exist");
            }
        }
    }

    private static void Port(string key, int port)
    {
        if (port is < 1 or > 65535)
        {
            throw new ConfigException(key, $"{port} is out of range 1-65535");
        }
    }

    private static void Storage(string key, string value)
    {
        if (!StorageKinds.Contains(value, StringComparer.Ordinal))
        {
            throw new ConfigException(key, $"'{value}' is not a storage kind (file or memory)");
        }
    }

    private static void AtLeastOne(string key, int value)
    {
        if (value < 1)
        {
            throw new ConfigException(key, $"{value} must be at least 1");
        }
    }

    private static void Positive(string key, Duration value)
    {
        if (value.Value <= TimeSpan.Zero)
        {
            throw new ConfigException(key, $"{value} must be greater than zero");
        }
    }

    private static void Positive(string key, ByteSize value)
    {
        if (value.Bytes <= 0)
        {
            throw new ConfigException(key, $"{value} must be greater than zero");
        }
    }

    private static void SigningKey(string key)
    {
        var bytes = Encoding.UTF8.GetByteCount(key);
        if (bytes < MinimumSigningKeyBytes)
        {
            throw new ConfigException(
                "api:server:security:signing_key",
                bytes == 0 ? $"is not set (needs at least {MinimumSigningKeyBytes} bytes)" : $"is {bytes} bytes, needs at least {MinimumSigningKeyBytes}");
        }
    }

    // One URL, or a comma-separated list of a cluster's servers, as NATS clients take them.
    private static void NatsUrl(string urls)
    {
        var list = urls.Split(',', StringSplitOptions.TrimEntries);
        foreach (var url in list)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("nats" or "tls") || uri.Port is < 1 or > 65535)
            {
                throw new ConfigException("nats:url", $"'{url}' is not a NATS URL (like nats://127.0.0.1:4222, or several separated by commas)");
            }
        }
    }

    private static void HttpUrl(string key, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConfigException(key, $"'{url}' is not an http(s) URL (like http://127.0.0.1:8080)");
        }
    }
}
