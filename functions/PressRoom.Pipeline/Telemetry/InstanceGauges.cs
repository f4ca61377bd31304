using System.Diagnostics.Metrics;

namespace PressRoom.Pipeline.Telemetry;

/// <summary>
/// Gauges fed by a periodic query of the durable backend: the backlog (instances queued or running) and the
/// alert signal — failed instances nobody has retried or purged yet. A rule "unhandled failures &gt; 0" fires once
/// per burst and stays firing until an admin handles them; it does not resolve by itself when failures stop.
/// </summary>
public sealed class InstanceGauges : IDisposable
{
    readonly Meter meter;
    long pending = -1;
    long running = -1;
    long unhandled = -1;

    public InstanceGauges(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        meter = meters.Create(PressRoomTelemetry.MeterName);
        meter.CreateObservableGauge("pressroom.queue.backlog", Backlog, "{instance}", "Release orchestrations queued or running");
        meter.CreateObservableGauge("pressroom.releases.failed.unhandled", () => Measure(Interlocked.Read(ref unhandled)), "{instance}", "Failed releases not yet retried or purged (alert signal)");
    }

    public void Update(long pendingCount, long runningCount, long unhandledFailures)
    {
        Interlocked.Exchange(ref pending, pendingCount);
        Interlocked.Exchange(ref running, runningCount);
        Interlocked.Exchange(ref unhandled, unhandledFailures);
    }

    IEnumerable<Measurement<long>> Backlog()
    {
        var p = Interlocked.Read(ref pending);
        var r = Interlocked.Read(ref running);
        if (p >= 0)
        {
            yield return new Measurement<long>(p, new KeyValuePair<string, object?>("status", "Pending"));
            yield return new Measurement<long>(r, new KeyValuePair<string, object?>("status", "Running"));
        }
    }

    /// <summary>Nothing is reported before the first poll, rather than a misleading zero.</summary>
    static IEnumerable<Measurement<long>> Measure(long value) => value < 0 ? [] : [new Measurement<long>(value)];

    public void Dispose() => meter.Dispose();
}
