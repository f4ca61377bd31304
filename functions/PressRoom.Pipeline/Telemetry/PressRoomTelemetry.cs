using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Pipeline.Telemetry;

/// <summary>
/// PressRoom's traces and metrics (OpenTelemetry-compatible <see cref="ActivitySource"/> and <see cref="Meter"/>).
/// One trace per release: its trace id is derived from the release id, so the intake, every activity (in whichever
/// process runs it) and the orchestration summary land in the same trace without carrying context through the queues.
/// </summary>
public static class PressRoomTelemetry
{
    public const string SourceName = "PressRoom.Pipeline";
    public const string MeterName = "PressRoom.Pipeline";

    public const string ReleaseIdTag = "pressroom.release.id";
    public const string InstanceIdTag = "pressroom.instance.id";

    // Instruments are stateless handles; the SDK's listeners hold the data.
    public static readonly ActivitySource Source = new(SourceName);
    static readonly Meter Meter = new(MeterName);

    /// <summary>Releases that ended, by outcome (Completed, Rejected, Failed). A per-window count for alerting on failure bursts.</summary>
    public static readonly Counter<long> Releases = Meter.CreateCounter<long>("pressroom.releases", "{release}", "Releases that ended, by outcome");

    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("pressroom.stage.duration", "ms", "Time per pipeline stage, by stage");

    public static readonly Counter<long> ProviderCharacters = Meter.CreateCounter<long>("pressroom.provider.characters", "{character}", "Characters sent to translation and entity providers, by provider");

    public static readonly Counter<long> ProviderTokens = Meter.CreateCounter<long>("pressroom.provider.tokens", "{token}", "Chat-model tokens, by provider and kind (prompt, completion)");

    /// <summary>Counts the tokens a release cost per chat provider.</summary>
    public static void RecordTokens(string provider, long prompt, long completion)
    {
        ProviderTokens.Add(prompt, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("kind", "prompt"));
        ProviderTokens.Add(completion, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("kind", "completion"));
    }

    /// <summary>The trace of one release: same id everywhere, from the release id alone.</summary>
    public static ActivityContext ReleaseContext(string releaseId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(releaseId));
        return new ActivityContext(ActivityTraceId.CreateFromBytes(hash.AsSpan(0, 16)), ActivitySpanId.CreateFromBytes(hash.AsSpan(16, 8)), ActivityTraceFlags.Recorded, isRemote: true);
    }

    public static Activity? StartReleaseActivity(string name, string? releaseId, string? instanceId, ActivityKind kind = ActivityKind.Internal, DateTimeOffset startTime = default)
    {
        if (releaseId is null)
        {
            return Source.StartActivity(name, kind);
        }

        var activity = Source.StartActivity(name, kind, ReleaseContext(releaseId), startTime: startTime);
        activity?.SetTag(ReleaseIdTag, releaseId);
        activity?.SetTag(InstanceIdTag, instanceId ?? ReleaseIdentity.InstanceId(releaseId));
        return activity;
    }

    /// <summary>Which release an activity input belongs to.</summary>
    public static string? ReleaseIdOf(object? input) => input switch
    {
        ReleaseInput r => r.ReleaseId,
        string id => id,
        TranslateInput t => t.ReleaseId,
        ExtractInput e => e.ReleaseId,
        SaveInput s => s.Release.ReleaseId,
        FailureInput f => f.Release.ReleaseId,
        _ => null,
    };

    /// <summary>Metrics and the orchestration span of a release that ended (called once, by the final activity).</summary>
    public static void RecordEnd(ReleaseInput release, ReleaseOutcome outcome, IReadOnlyList<StageTiming> timings, DateTime? startedAt, DateTime? completedAt, IEnumerable<(string Provider, long Characters)> usage, string? failedStage = null)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(timings);
        ArgumentNullException.ThrowIfNull(usage);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome.Status);
        Releases.Add(1, outcomeTag, new KeyValuePair<string, object?>("reason", outcome.ReasonCode));
        foreach (var timing in timings)
        {
            StageDuration.Record(timing.Milliseconds, new KeyValuePair<string, object?>("stage", timing.Stage));
        }

        foreach (var (provider, characters) in usage)
        {
            ProviderCharacters.Add(characters, new KeyValuePair<string, object?>("provider", provider));
        }

        // The orchestration as one span over its whole run, from the orchestration clock.
        var start = startedAt ?? timings.FirstOrDefault()?.Start ?? DateTime.UtcNow;
        using var span = StartReleaseActivity($"orchestration {TaskNames.ProcessRelease}", release.ReleaseId, null, ActivityKind.Internal, new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)));
        if (span is null)
        {
            return;
        }

        span.SetTag("pressroom.outcome", outcome.Status);
        span.SetTag("pressroom.blob", release.BlobName);
        if (outcome.ReasonCode is not null)
        {
            span.SetTag("pressroom.reason_code", outcome.ReasonCode);
        }

        if (failedStage is not null || outcome.Status == ReleaseStatus.Failed)
        {
            span.SetStatus(ActivityStatusCode.Error, $"{failedStage}: {outcome.Message}");
        }

        span.SetEndTime(DateTime.SpecifyKind(completedAt ?? DateTime.UtcNow, DateTimeKind.Utc));
    }
}
