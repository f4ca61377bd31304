using System.Globalization;
using System.Text.Json;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using PressRoom.Pipeline.Admin;

namespace PressRoom.Host.Runtime;

/// <summary>
/// The local host's durable backend for the admin API: history read from the Azure Storage backend itself (the gRPC
/// sidecar streams none for finished instances). Rewind is not offered: the sidecar does not implement it.
/// </summary>
public sealed class AzureStorageBackend(DurableEngine engine) : IOrchestrationBackend
{
    public bool CanRewind => false;

    public string? RewindUnavailableReason =>
        "The local durable backend (Durable Task Framework on Azure Storage behind a gRPC sidecar) cannot rewind. " +
        $"Restart instead: POST {ApiRoutes.Prefix}/{ApiRoutes.AdminInstance}/restart runs the release again from the start with the same input; " +
        "every stage writes idempotently, so finished work is redone, never duplicated.";

    public async Task<IReadOnlyList<OrchestrationEvent>> GetHistoryAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var json = await engine.Service.GetOrchestrationHistoryAsync(instanceId, null);
        return Parse(json);
    }

    public Task RewindAsync(DurableTaskClient client, string instanceId, string reason, CancellationToken cancellationToken) =>
        throw new NotSupportedException(RewindUnavailableReason);

    /// <summary>The backend serializes <c>HistoryEvent</c>s with Newtonsoft (EventType as a number, PascalCase names).</summary>
    internal static List<OrchestrationEvent> Parse(string? json)
    {
        var events = new List<OrchestrationEvent>();
        if (string.IsNullOrEmpty(json))
        {
            return events;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return events;
        }

        foreach (var e in document.RootElement.EnumerateArray())
        {
            if (!TryEventType(e, out var type))
            {
                continue;
            }

            var failure = e.TryGetProperty("FailureDetails", out var f) && f.ValueKind == JsonValueKind.Object ? f : (JsonElement?)null;
            events.Add(new OrchestrationEvent(type, Int(e, "EventId") ?? -1, Timestamp(e))
            {
                Name = String(e, "Name"),
                Input = String(e, "Input"),
                Output = type == EventType.TaskCompleted ? String(e, "Result") : null,
                ScheduledId = type switch
                {
                    EventType.TaskCompleted or EventType.TaskFailed => Int(e, "TaskScheduledId"),
                    EventType.TimerFired => Int(e, "TimerId"),
                    _ => null,
                },
                Status = e.TryGetProperty("OrchestrationStatus", out var s) ? OrchestrationStatusName(s) : null,
                ErrorType = failure is { } fd ? String(fd, "ErrorType") : null,
                ErrorMessage = (failure is { } fm ? String(fm, "ErrorMessage") : null) ?? String(e, "Reason"),
            });
            if (type == EventType.ExecutionCompleted && events[^1] is { Status: "Failed", ErrorMessage: null } completed)
            {
                // A failed execution's error text is its result.
                events[^1] = completed with { ErrorMessage = String(e, "Result") };
            }
        }

        return events;
    }

    static bool TryEventType(JsonElement e, out EventType type)
    {
        type = default;
        if (!e.TryGetProperty("EventType", out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt32(out var n) && Enum.IsDefined(type = (EventType)n),
            JsonValueKind.String => Enum.TryParse(value.GetString(), out type),
            _ => false,
        };
    }

    static string? OrchestrationStatusName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => ((DurableTask.Core.OrchestrationStatus)value.GetInt32()).ToString(),
        JsonValueKind.String => value.GetString(),
        _ => null,
    };

    static DateTimeOffset Timestamp(JsonElement e) =>
        e.TryGetProperty("Timestamp", out var t) && t.ValueKind == JsonValueKind.String &&
        DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue;

    static int? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    static string? String(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
