using DurableTask.Core.History;
using Microsoft.DurableTask.Client;

namespace PressRoom.Pipeline.Admin;

/// <summary>
/// Turns history events into timeline bars: one per activity attempt (scheduled → completed/failed), retry waits,
/// the orchestration itself, and the admin actions merged in by time.
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
        }

        foreach (var timer in history.Where(e => e.Type == EventType.TimerCreated))
        {
            fired.TryGetValue(timer.EventId, out var done);
            entries.Add(Bar("wait", "retry back-off", timer.Timestamp, done?.Timestamp, 1, done is null ? (running ? "Running" : status.ToString()) : "Completed", null, running, now));
        }

        entries.AddRange(actions.Select(a => new TimelineEntry("admin", a.Action, a.At, a.At, 0, 1, a.Outcome, $"{a.Actor}: {a.Reason}")));
        return entries.OrderBy(e => e.Start).ThenBy(e => e.Kind == "orchestration" ? 0 : 1).ToList();
    }

    static TimelineEntry Bar(string kind, string name, DateTimeOffset start, DateTimeOffset? end, int attempt, string outcome, string? detail, bool running, DateTimeOffset now)
    {
        // A bar still open on a running instance extends to now, so the chart shows where time is going.
        var until = end ?? (running ? now : null);
        return new TimelineEntry(kind, name, start, end, until is { } u ? Math.Max(0, (u - start).TotalMilliseconds) : null, attempt, outcome, detail);
    }
}
