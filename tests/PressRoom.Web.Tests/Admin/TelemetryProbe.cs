using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using PressRoom.Pipeline.Telemetry;

namespace PressRoom.Tests.Admin;

/// <summary>Listens to PressRoom's spans and measurements in this process (the in-process runtime emits them here).</summary>
public sealed class TelemetryProbe : IDisposable
{
    readonly ActivityListener activities;
    readonly MeterListener meters = new();

    public TelemetryProbe()
    {
        activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PressRoomTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Add,
        };
        ActivitySource.AddActivityListener(activities);
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PressRoomTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.Start();
    }

    public ConcurrentBag<Activity> Spans { get; } = [];

    public ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = [];

    public void Observe() => meters.RecordObservableInstruments();

    void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        Measurements.Add((instrument.Name, value, map));
    }

    public void Dispose()
    {
        activities.Dispose();
        meters.Dispose();
    }
}
