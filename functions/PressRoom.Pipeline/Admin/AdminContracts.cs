using System.Text.Json;

namespace PressRoom.Pipeline.Admin;

/// <summary>Filters of <c>GET /api/admin/instances</c>. All optional; <see cref="Top"/> is the page size.</summary>
public sealed record InstanceFilter
{
    public const int DefaultTop = 50;
    public const int MaxTop = 500;

    public IReadOnlyList<string> Statuses { get; init; } = [];

    /// <summary>Orchestration name, exact (case-insensitive).</summary>
    public string? Name { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>A release id or its prefix (a document id lists every version), or part of the file name.</summary>
    public string? Release { get; init; }

    public int Top { get; init; } = DefaultTop;
    public string? Continuation { get; init; }
}

/// <summary>One orchestration instance as the admin list shows it.</summary>
public sealed record InstanceRow(
    string InstanceId,
    string Name,
    string? ReleaseId,
    string? FileName,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    double? DurationMs,
    string? Stage,
    string? ReasonCode,
    string? LastError);

public sealed record InstancePage(IReadOnlyList<InstanceRow> Instances, string? Continuation);

/// <summary>
/// Counts over a window: by status, by stage (where running ones are and where failed ones stopped), failures by
/// reason, throughput, stage latency; plus two alert signals at any age: unhandled failures and stuck instances.
/// </summary>
public sealed record InstanceCounts(
    DateTimeOffset Since,
    DateTimeOffset Until,
    int Total,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByStage,
    IReadOnlyDictionary<string, int> FailuresByReason,
    double ThroughputPerMinute,
    IReadOnlyDictionary<string, LatencyPercentiles> StageLatencyMs,
    int UnhandledFailures,
    StuckInstances Stuck,
    TokenTotals Tokens);

/// <summary>Chat-model tokens spent on the releases received in the window (from their <c>Releases</c> rows), and by how many releases.</summary>
public sealed record TokenTotals(long Prompt, long Completion, int Releases);

/// <summary>
/// Running or Pending instances with no progress (no state change) for longer than <see cref="Threshold"/>, at any age:
/// the count, and the longest-silent ones (at most <see cref="AdminInstanceQueries.MaxStuckListed"/>) to act on.
/// </summary>
public sealed record StuckInstances(TimeSpan Threshold, int Count, IReadOnlyList<InstanceRow> Oldest);

public sealed record LatencyPercentiles(int Count, double P50, double P90, double P99, double Max);

/// <summary>Everything about one instance: summaries, failure with its inner errors, and the timeline (stages, retries, admin actions).</summary>
public sealed record InstanceDetail(
    InstanceRow Summary,
    JsonElement? Input,
    JsonElement? Output,
    StageStatus? CustomStatus,
    FailureInfo? Failure,
    bool HistoryAvailable,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<AdminActionRecord> Actions,
    bool CanRewind);

public sealed record FailureInfo(string ErrorType, string Message, string? StackTrace, FailureInfo? Inner);

/// <summary>
/// One bar of the timeline. Kind: <c>orchestration</c>, <c>activity</c>, <c>wait</c> (retry back-off) or <c>admin</c>.
/// Outcome: Completed, Failed, Running, Terminated, or the admin action's outcome.
/// </summary>
public sealed record TimelineEntry(
    string Kind,
    string Name,
    DateTimeOffset Start,
    DateTimeOffset? End,
    double? DurationMs,
    int Attempt,
    string Outcome,
    string? Detail);

/// <summary>An admin action as logged: who (key role, optional user), why (reason), what happened.</summary>
public sealed record AdminActionRecord(string InstanceId, string Action, string Actor, string Reason, DateTimeOffset At, string Outcome, string? Detail);

public enum ActionOutcome
{
    Done,
    NotFound,
    Conflict,
    NotSupported,
}

public sealed record ActionResult(string InstanceId, string Action, ActionOutcome Outcome, string Message);

public sealed record BulkResult(string Action, int Matched, int Succeeded, IReadOnlyList<ActionResult> Results);

/// <summary>Who asks, as resolved by the host (a key role) plus an optional self-declared user name for the log.</summary>
public sealed record AdminCaller(AdminRole Role, string Actor);

public enum AdminRole
{
    None,
    Reader,
    Admin,
}

/// <summary>Names of the admin actions as they appear in the log and the timeline.</summary>
public static class AdminActionNames
{
    public const string Terminate = "terminate";
    public const string Restart = "restart";
    public const string Rewind = "rewind";
    public const string Purge = "purge";
}
