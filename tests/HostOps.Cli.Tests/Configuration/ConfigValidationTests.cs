using System.Net;
using System.Net.Sockets;
using HostOps.Cli.Configuration;
using Microsoft.Extensions.Configuration;
using Shouldly;
using Xunit;

namespace HostOps.Cli.Tests.Configuration;

public sealed class ConfigValidationTests
{
    private const string GoodKey = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("api:server:port", "70000", "config api.server.port: 70000 is out of range 1-65535")]
    [InlineData("nats:server:port", "0", "config nats.server.port: 0 is out of range 1-65535")]
    [InlineData("job:stream:storage", "disk", "config job.stream.storage: 'disk' is not a storage kind (file or memory)")]
    [InlineData("job:kv:storage", "FILE", "config job.kv.storage: 'FILE' is not a storage kind (file or memory)")]
    [InlineData("job:stream:replicas", "0", "config job.stream.replicas: 0 must be at least 1")]
    [InlineData("job:registry:replicas", "-1", "config job.registry.replicas: -1 must be at least 1")]
    [InlineData("job:consumer:max_deliver", "0", "config job.consumer.max_deliver: 0 must be at least 1")]
    [InlineData("job:consumer:ack_wait", "0s", "config job.consumer.ack_wait: 0ms must be greater than zero")]
    [InlineData("job:consumer:inactive_threshold", "0s", "config job.consumer.inactive_threshold: 0ms must be greater than zero")]
    [InlineData("job:sweep:interval", "0s", "config job.sweep.interval: 0ms must be greater than zero")]
    [InlineData("api:server:security:signing_key", "too-short", "config api.server.security.signing_key: is 9 bytes, needs at least 32")]
    [InlineData("api:server:security:signing_key", "", "config api.server.security.signing_key: is not set (needs at least 32 bytes)")]
    [InlineData("nats:url", "http://x", "config nats.url: 'http://x' is not a NATS URL (like nats://127.0.0.1:4222, or several separated by commas)")]
    [InlineData("nats:url", "nats://a:4222,b:4222", "config nats.url: 'b:4222' is not a NATS URL (like nats://127.0.0.1:4222, or several separated by commas)")]
    [InlineData("job:stream:max_bytes", "0", "config job.stream.max_bytes: 0B must be greater than zero")]
    [InlineData("job:registry:max_bytes", "0MiB", "config job.registry.max_bytes: 0B must be greater than zero")]
    [InlineData("job:worker:labels:web.dev", "east", "config job.worker.labels.web.dev: the label key must be letters, digits, '_' or '-' (no '.', '*', '>', spaces)")]
    [InlineData("job:worker:labels:*", "east", "config job.worker.labels.*: the label key must be letters, digits, '_' or '-' (no '.', '*', '>', spaces)")]
    [InlineData("job:worker:labels:my group", "east", "config job.worker.labels.my group: the label key must be letters, digits, '_' or '-' (no '.', '*', '>', spaces)")]
    [InlineData("job:worker:labels:group", "web.>", "config job.worker.labels.group: 'web.>' is not a label value: dot-separated parts of letters, digits, '_' or '-' (no '*', '>', spaces, empty parts)")]
    [InlineData("job:worker:labels:group", "web dev", "config job.worker.labels.group: 'web dev' is not a label value: dot-separated parts of letters, digits, '_' or '-' (no '*', '>', spaces, empty parts)")]
    [InlineData("job:worker:labels:group", "web..dev", "config job.worker.labels.group: 'web..dev' is not a label value: dot-separated parts of letters, digits, '_' or '-' (no '*', '>', spaces, empty parts)")]
    [InlineData("job:worker:labels:group", "", "config job.worker.labels.group: '' is not a label value: dot-separated parts of letters, digits, '_' or '-' (no '*', '>', spaces, empty parts)")]
    public void An_invalid_value_stops_start_with_one_line_naming_the_key(string key, string value, string message)
    {
        var error = Should.Throw<ConfigException>(() => Validate(StartingComponents.All, (key, value)));

        error.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("job:stream:max_age", "3x", "config job.stream.max_age: '3x' is not a duration (use forms like 500ms, 30s, 5m, 24h, 1h30m)")]
    [InlineData("job:consumer:back_off:1", "soon", "config job.consumer.back_off.1: 'soon' is not a duration (use forms like 500ms, 30s, 5m, 24h, 1h30m)")]
    [InlineData("api:server:port", "http", "config api.server.port: 'http' is not a whole number")]
    [InlineData("job:worker:max_jobs", "1.5", "config job.worker.max_jobs: '1.5' is not a whole number")]
    [InlineData("job:kv:max_bytes", "lots", "config job.kv.max_bytes: 'lots' is not a size (use forms like 4096, 64KiB, 512MiB, 1GiB or 1GB)")]
    [InlineData("job:stream:max_bytes", "-1", "config job.stream.max_bytes: '-1' is not a size (use forms like 4096, 64KiB, 512MiB, 1GiB or 1GB)")]
    public void A_value_of_the_wrong_type_names_the_key(string key, string value, string message)
    {
        var error = Should.Throw<ConfigException>(() => Validate(StartingComponents.All, (key, value)));

        error.Message.ShouldBe(message);
    }

    [Fact]
    public void Hierarchical_label_values_and_sizes_in_any_unit_are_valid() =>
        Should.NotThrow(() => Validate(
            StartingComponents.All,
            ("job:worker:labels:group", "web.dev.east"),
            ("job:worker:labels:rack_id", "r-12"),
            ("job:stream:max_bytes", "512MB"),
            ("job:kv:max_bytes", "2GiB"),
            ("job:dlq:max_bytes", "1048576")));

    [Fact]
    public void Defaults_with_a_signing_key_are_valid() =>
        Should.NotThrow(() => Validate(StartingComponents.All));

    [Fact]
    public void A_client_command_does_not_need_a_signing_key_but_a_usable_url() =>
        Should.Throw<ConfigException>(() => Validate(StartingComponents.Client, ("api:server:security:signing_key", ""), ("api:client:url", "localhost:8080")))
            .Message.ShouldBe("config api.client.url: 'localhost:8080' is not an http(s) URL (like http://127.0.0.1:8080)");

    [Fact]
    public void The_nats_server_alone_does_not_check_api_settings() =>
        Should.NotThrow(() => Validate(StartingComponents.NatsServer, ("api:server:port", "70000"), ("api:server:security:signing_key", "")));

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("10.0.0.5")]
    public void An_api_beyond_loopback_without_tls_is_refused_naming_the_key(string host) =>
        Should.Throw<ConfigException>(() => Validate(StartingComponents.Api, ("api:server:host", host)))
            .Message.ShouldBe($"config api.server.tls: the API would listen on {host} (beyond loopback) without TLS; set api.server.tls.enabled: true, or api.server.allow_insecure_http: true on a trusted network");

    [Theory]
    [InlineData("api:server:tls:enabled")]
    [InlineData("api:server:allow_insecure_http")]
    public void An_api_beyond_loopback_may_listen_with_tls_or_when_insecure_http_is_allowed(string key) =>
        Should.NotThrow(() => Validate(StartingComponents.Api, ("api:server:host", "0.0.0.0"), (key, "true")));

    [Fact]
    public void An_api_on_loopback_needs_no_tls() =>
        Should.NotThrow(() => Validate(StartingComponents.Api, ("api:server:host", "127.0.0.1")));

    [Fact]
    public void An_own_nats_certificate_needs_its_key_and_ca() =>
        Should.Throw<ConfigException>(() => Validate(StartingComponents.NatsServer, ("nats:server:tls:cert_file", "/etc/hostname")))
            .Message.ShouldStartWith("config nats.server.tls.key_file: is not set");

    [Fact]
    public void An_own_api_certificate_must_exist() =>
        Should.Throw<ConfigException>(() => Validate(
            StartingComponents.Api,
            ("api:server:tls:enabled", "true"),
            ("api:server:tls:cert_file", "/nonexistent/api.pem"),
            ("api:server:tls:key_file", "/etc/hostname"),
            ("api:server:tls:ca_file", "/etc/hostname")))
            .Message.ShouldBe("config api.server.tls.cert_file: /nonexistent/api.pem does not exist");

    [Fact]
    public void A_port_another_process_listens_on_is_named()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var error = Should.Throw<ConfigException>(() => ConfigValidator.PortIsFree("api:server:port", "127.0.0.1", port));

        error.Message.ShouldBe($"config api.server.port: {port} is in use by another process");
    }

    private static void Validate(StartingComponents components, params (string Key, string Value)[] values)
    {
        var data = new Dictionary<string, string?> { ["api:server:security:signing_key"] = GoodKey };
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        var settings = HostOpsSettings.Bind(new LoadedConfiguration(configuration, "/tmp/hostops-test", null));
        ConfigValidator.Validate(settings, components);
    }
}
