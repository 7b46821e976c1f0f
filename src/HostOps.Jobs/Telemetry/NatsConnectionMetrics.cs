using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NATS.Client.Core;

namespace HostOps.Jobs.Telemetry;

/// <summary>Each watched NATS connection's state (1 connected, 0 not) and its reconnects, labelled by the connection's name.</summary>
public sealed class NatsConnectionMetrics
{
    private readonly ConcurrentDictionary<string, INatsConnection> _connections = new(StringComparer.Ordinal);
    private readonly Counter<long> _reconnects;

    public NatsConnectionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HostOpsTelemetry.JobsMeter);
        meter.CreateObservableGauge(
            "hostops.nats.connected",
            () => _connections.Select(c => new Measurement<int>(
                c.Value.ConnectionState == NatsConnectionState.Open ? 1 : 0, new KeyValuePair<string, object?>("connection", c.Key))),
            description: "1 while the NATS connection is open, 0 while it is not");
        _reconnects = meter.CreateCounter<long>("hostops.nats.reconnects", "{reconnect}", "Times the NATS connection came back after a loss");
    }

    public void Watch(NatsConnection connection)
    {
        var name = connection.Opts.Name;
        _connections[name] = connection;
        var lost = 0;
        connection.ConnectionDisconnected += (_, _) =>
        {
            Interlocked.Exchange(ref lost, 1);
            return ValueTask.CompletedTask;
        };
        connection.ConnectionOpened += (_, _) =>
        {
            if (Interlocked.Exchange(ref lost, 0) == 1)
            {
                _reconnects.Add(1, new KeyValuePair<string, object?>("connection", name));
            }

            return ValueTask.CompletedTask;
        };
    }
}
