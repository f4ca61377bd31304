using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Pipeline.Admin;

/// <summary>Read side of the admin API: instance list, counts over a window, one instance with its timeline.</summary>
public sealed partial class AdminInstanceQueries(
    IOrchestrationBackend backend,
    AdminActionLog actions,
    PressRoomStorage storage,
    IOptions<AdminOptions> options,
    TimeProvider clock)
{
    /// <summary>Counting stops here; a window with more instances is reported as counted so far.</summary>
    public const int MaxCounted = 20_000;

    /// <summary>Stuck instances listed by name in the counts (all are counted).</summary>
    public const int MaxStuckListed = 20;

    public async Task<InstancePage> ListAsync(DurableTaskClient client, InstanceFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow();
        var byPrefix = filter.Release is { } release && ReleaseIdPattern().IsMatch(release.ToLowerInvariant());
        var query = new OrchestrationQuery
        {
            CreatedFrom = filter.CreatedFrom,
            CreatedTo = filter.CreatedTo,
            Statuses = filter.Statuses.Count == 0 ? null : filter.Statuses.Select(ParseStatus).ToList(),
            InstanceIdPrefix = byPrefix ? ReleaseIdentity.InstanceId(filter.Release!.ToLowerInvariant()) : null,
            PageSize = filter.Top,
            FetchInputsAndOutputs = true,
            ContinuationToken = filter.Continuation,
        };

        // Name and file-name filters are applied here (the backend cannot): keep reading pages until the page is full.
        var rows = new List<InstanceRow>();
        string? continuation = filter.Continuation;
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(filter.Continuation, filter.Top).WithCancellation(cancellationToken))
        {
            rows.AddRange(page.Values.Where(i => Matches(i, filter, byPrefix)).Select(i => InstanceRows.From(i, now)));
            continuation = page.ContinuationToken;
            if (rows.Count >= filter.Top || string.IsNullOrEmpty(continuation))
            {
                break;
            }
        }

        return new InstancePage(rows, string.IsNullOrEmpty(continuation) ? null : continuation);
    }

    public async Task<InstanceCounts> CountAsync(DurableTaskClient client, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var until = clock.GetUtcNow();
        var byStatus = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byStage = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var failures = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int total = 0, completedInWindow = 0;
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = since, FetchInputsAndOutputs = true, PageSize = 500 }).WithCancellation(cancellationToken))
        {
            if (++total > MaxCounted)
            {
                break;
            }

            var status = instance.RuntimeStatus.ToString();
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            var stage = InstanceRows.TryReadStatus(instance);
            if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
            {
                completedInWindow++;
            }
            else if (stage is not null)
            {
                if (!byStage.TryGetValue(stage.Stage, out var perStatus))
                {
                    byStage[stage.Stage] = perStatus = new SortedDictionary<string, int>(StringComparer.Ordinal);
                }

                perStatus[status] = perStatus.GetValueOrDefault(status) + 1;
            }

            if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
            {
                var reason = stage?.ReasonCode ?? "Unknown";
                failures[reason] = failures.GetValueOrDefault(reason) + 1;
            }
        }

        var minutes = Math.Max((until - since).TotalMinutes, 1.0 / 60);
        var (latency, tokens) = await ReleaseRowTotalsAsync(since, cancellationToken);
        return new InstanceCounts(
            since,
            until,
            Math.Min(total, MaxCounted),
            byStatus,
            byStage.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value, StringComparer.Ordinal),
            failures,
            Math.Round(completedInWindow / minutes, 3),
            latency,
            await UnhandledFailuresAsync(client, cancellationToken),
            await StuckAsync(client, cancellationToken),
            tokens);
    }

    /// <summary>
    /// Running or Pending instances whose last update is older than <see cref="AdminOptions.StuckAfter"/>. The backend
    /// stamps an instance on every orchestration step, so silence that long means its work item is lost or an
    /// activity hangs; nothing recovers it by itself once the engine's re-delivery would have.
    /// </summary>
    public async Task<StuckInstances> StuckAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var threshold = options.Value.StuckAfter;
        var now = clock.GetUtcNow();
        var stuck = new List<InstanceRow>();
        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending], FetchInputsAndOutputs = true, PageSize = 500 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (now - instance.LastUpdatedAt > threshold)
            {
                stuck.Add(InstanceRows.From(instance, now));
            }
        }

        return new StuckInstances(threshold, stuck.Count, [.. stuck.OrderBy(r => r.UpdatedAt).Take(MaxStuckListed)]);
    }

    /// <summary>Failed instances that nobody has restarted or purged yet, at any age: the alert signal.</summary>
    public static async Task<int> UnhandledFailuresAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var count = 0;
        await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed], FetchInputsAndOutputs = false, PageSize = 500 }).WithCancellation(cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Per-stage percentiles from the timings each release recorded in its <c>Releases</c> row, and the chat tokens those
    /// releases spent: one query over the window's rows.
    /// </summary>
    async Task<(IReadOnlyDictionary<string, LatencyPercentiles> Latency, TokenTotals Tokens)> ReleaseRowTotalsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        long prompt = 0, completion = 0;
        var withTokens = 0;
        var filter = TableClient.CreateQueryFilter($"ReceivedAt ge {since}");
        try
        {
            await foreach (var row in storage.ReleasesTable.QueryAsync<ReleaseRow>(filter, select: [nameof(ReleaseRow.Timings), nameof(ReleaseRow.PromptTokens), nameof(ReleaseRow.CompletionTokens)], cancellationToken: cancellationToken))
            {
                var (p, c) = (row.PromptTokens ?? 0, row.CompletionTokens ?? 0);
                if (p + c > 0)
                {
                    (prompt, completion, withTokens) = (prompt + p, completion + c, withTokens + 1);
                }

                if (row.Timings is not { Length: > 0 } json)
                {
                    continue;
                }

                foreach (var (stage, ms) in JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [])
                {
                    if (!samples.TryGetValue(stage, out var list))
                    {
                        samples[stage] = list = [];
                    }

                    list.Add(ms);
                }
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // No Releases table yet: nothing processed.
        }

        var latency = samples.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => Percentiles(kv.Value), StringComparer.Ordinal);
        return (latency, new TokenTotals(prompt, completion, withTokens));
    }

    internal static LatencyPercentiles Percentiles(List<double> values)
    {
        values.Sort();
        return new LatencyPercentiles(values.Count, Rank(values, 0.50), Rank(values, 0.90), Rank(values, 0.99), values[^1]);
    }

    /// <summary>Nearest-rank percentile.</summary>
    static double Rank(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public async Task<InstanceDetail?> GetAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        var log = await actions.ForInstanceAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var history = await backend.GetHistoryAsync(client, instanceId, cancellationToken);
        var now = clock.GetUtcNow();
        var timeline = InstanceTimeline.Build(history, log, instance.RuntimeStatus, now);
        return new InstanceDetail(
            InstanceRows.From(instance, now),
            InstanceRows.Parse(instance.SerializedInput),
            InstanceRows.Parse(instance.SerializedOutput),
            InstanceRows.TryReadStatus(instance),
            Failure(instance.FailureDetails) ?? FailureFromHistory(instance, history),
            history.Count > 0,
            timeline,
            log,
            backend.CanRewind);
    }

    /// <summary>Actions logged for an instance that no longer exists (purged): the answer to "where did it go".</summary>
    public Task<List<AdminActionRecord>> ActionsAsync(string instanceId, CancellationToken cancellationToken) =>
        actions.ForInstanceAsync(instanceId, cancellationToken);

    static FailureInfo? Failure(Microsoft.DurableTask.TaskFailureDetails? failure) =>
        failure is null ? null : new FailureInfo(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, Failure(failure.InnerFailure));

    /// <summary>Without failure details from the backend: the instance's error text, with the last failed activity as the inner error.</summary>
    static FailureInfo? FailureFromHistory(OrchestrationMetadata instance, IReadOnlyList<OrchestrationEvent> history)
    {
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
        {
            return null;
        }

        var task = history.LastOrDefault(e => e.Type == DurableTask.Core.History.EventType.TaskFailed);
        var scheduled = task is null ? null : history.FirstOrDefault(e => e.Type == DurableTask.Core.History.EventType.TaskScheduled && e.EventId == task.ScheduledId);
        var inner = task is null ? null : new FailureInfo(task.ErrorType ?? "ActivityFailed", $"{scheduled?.Name ?? "Activity"}: {task.ErrorMessage}", null, null);
        var message = InstanceRows.FailureText(instance, unwrap: false)
            ?? history.LastOrDefault(e => e.Type == DurableTask.Core.History.EventType.ExecutionCompleted)?.ErrorMessage
            ?? "The orchestration failed.";
        return new FailureInfo("OrchestrationFailed", message, null, inner);
    }

    static bool Matches(OrchestrationMetadata instance, InstanceFilter filter, bool byPrefix)
    {
        if (filter.Name is { Length: > 0 } name && !string.Equals(instance.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (filter.Release is { Length: > 0 } release && !byPrefix)
        {
            var file = InstanceRows.TryReadInput(instance)?.BlobName;
            return file is not null && file.Contains(release, StringComparison.OrdinalIgnoreCase);
        }

        return true;
    }

    static OrchestrationRuntimeStatus ParseStatus(string value) =>
        InstanceRows.TryParseStatus(value, out var status) ? status : throw new ArgumentException($"Unknown status '{value}'.", nameof(value));

    /// <summary>Release ids (and document-id prefixes) are lowercase hex with one dash.</summary>
    [GeneratedRegex("^[0-9a-f]{4,16}(-[0-9a-f]{0,16})?$")]
    private static partial Regex ReleaseIdPattern();
}
