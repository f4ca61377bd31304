using System.Text.Json;
using DurableTask.Core.History;
using PressRoom.Pipeline.Workflow;
using Microsoft.DurableTask.Client;

namespace PressRoom.Pipeline.Admin;

/// <summary>
/// Turns history events into timeline bars: one per activity attempt (scheduled → completed/failed), the stages an
/// activity ran inside it (ExtractEntities in ReadDocument and Translate, read from its result or its failure), retry
/// waits, the orchestration itself, and the admin actions merged in by time.
/// </summary>
public static class InstanceTimeline
{
    public static IReadOnlyList<TimelineEntry> Build(
        IReadOnlyList<OrchestrationEvent> history,
        IReadOnlyList<AdminActionRecord> actions,
        OrchestrationRuntimeStatus status,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(actions);
        var entries = new List<TimelineEntry>();
        var results = history.Where(e => e.Type is EventType.TaskCompleted or EventType.TaskFailed && e.ScheduledId is not null)
            .GroupBy(e => e.ScheduledId!.Value).ToDictionary(g => g.Key, g => g.First());
        var fired = history.Where(e => e.Type == EventType.TimerFired && e.ScheduledId is not null)
            .GroupBy(e => e.ScheduledId!.Value).ToDictionary(g => g.Key, g => g.First());
        var attempts = new Dictionary<(string?, string?), int>();
        var running = !InstanceRows.IsTerminal(status);

        var started = history.FirstOrDefault(e => e.Type == EventType.ExecutionStarted);
        var ended = history.FirstOrDefault(e => e.Type is EventType.ExecutionCompleted or EventType.ExecutionTerminated);
        if (started is not null)
        {
            var outcome = ended switch
            {
                null => status.ToString(),
                { Type: EventType.ExecutionTerminated } => "Terminated",
                _ => ended.Status ?? status.ToString(),
            };
            entries.Add(Bar("orchestration", started.Name ?? "orchestration", started.Timestamp, ended?.Timestamp, 1, outcome, ended?.ErrorMessage ?? (ended?.Type == EventType.ExecutionTerminated ? ended.Input : null), running, now));
        }

        foreach (var scheduled in history.Where(e => e.Type == EventType.TaskScheduled))
        {
            var key = (scheduled.Name, scheduled.Input);
            var attempt = attempts[key] = attempts.GetValueOrDefault(key) + 1;
            results.TryGetValue(scheduled.EventId, out var result);
            var outcome = result?.Type switch
            {
                EventType.TaskCompleted => "Completed",
                EventType.TaskFailed => "Failed",
                _ => running ? "Running" : status.ToString(),
            };
            entries.Add(Bar("activity", scheduled.Name ?? "?", scheduled.Timestamp, result?.Timestamp, attempt, outcome, result?.ErrorMessage, running, now));
            entries.AddRange(InnerStages(scheduled, result, attempt));
        }

        foreach (var timer in history.Where(e => e.Type == EventType.TimerCreated))
        {
            fired.TryGetValue(timer.EventId, out var done);
            entries.Add(Bar("wait", "retry back-off", timer.Timestamp, done?.Timestamp, 1, done is null ? (running ? "Running" : status.ToString()) : "Completed", null, running, now));
        }

        entries.AddRange(actions.Select(a => new TimelineEntry("admin", a.Action, a.At, a.At, 0, 1, a.Outcome, $"{a.Actor}: {a.Reason}")));
        return entries.OrderBy(e => e.Start).ThenBy(e => e.Kind == "orchestration" ? 0 : 1).ToList();
    }

    /// <summary>
    /// Stages an activity ran inside it besides its own: from the <c>Stages</c> of its result when it completed (each
    /// timed by the activity), or the ExtractEntities stage when that is what failed (then over the attempt's interval).
    /// </summary>
    static IEnumerable<TimelineEntry> InnerStages(OrchestrationEvent scheduled, OrchestrationEvent? result, int attempt)
    {
        if (result is { Type: EventType.TaskFailed } failed
            && string.Equals(failed.ErrorType, typeof(EntityExtractionException).FullName, StringComparison.Ordinal))
        {
            yield return new TimelineEntry("stage", TaskNames.ExtractEntities, scheduled.Timestamp, failed.Timestamp, Math.Max(0, (failed.Timestamp - scheduled.Timestamp).TotalMilliseconds), attempt, "Failed", failed.ErrorMessage);
            yield break;
        }

        if (result is not { Type: EventType.TaskCompleted, Output: { Length: > 0 } output } || !output.Contains("\"stages\"", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        foreach (var stage in ReadStages(output).Where(s => !string.Equals(s.Stage, scheduled.Name, StringComparison.Ordinal)))
        {
            var start = new DateTimeOffset(DateTime.SpecifyKind(stage.Start, DateTimeKind.Utc));
            var end = new DateTimeOffset(DateTime.SpecifyKind(stage.End, DateTimeKind.Utc));
            yield return new TimelineEntry("stage", stage.Stage, start, end, Math.Max(0, stage.Milliseconds), attempt, "Completed", null);
        }
    }

    static IReadOnlyList<StageTiming> ReadStages(string output)
    {
        try
        {
            using var json = JsonDocument.Parse(output);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "stages", StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.Array } stages
                ? stages.Value.Deserialize<List<StageTiming>>(StageJson) ?? []
                : [];
        }
        catch (JsonException)
        {
            // A result that is not ours (or cut short) has no stages to show.
            return [];
        }
    }

    static readonly JsonSerializerOptions StageJson = new(JsonSerializerDefaults.Web);

    static TimelineEntry Bar(string kind, string name, DateTimeOffset start, DateTimeOffset? end, int attempt, string outcome, string? detail, bool running, DateTimeOffset now)
    {
        // A bar still open on a running instance extends to now, so the chart shows where time is going.
        var until = end ?? (running ? now : null);
        return new TimelineEntry(kind, name, start, end, until is { } u ? Math.Max(0, (u - start).TotalMilliseconds) : null, attempt, outcome, detail);
    }
}
