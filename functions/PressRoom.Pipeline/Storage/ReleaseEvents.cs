using System.Text.Json;
using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>CloudEvents 1.0 event types on the <c>release-events</c> queue.</summary>
public static class ReleaseEventTypes
{
    public const string Processed = "pressroom.release.processed";
    public const string Failed = "pressroom.release.failed";
    public const string Rejected = "pressroom.release.rejected";
    public const string Withdrawn = "pressroom.release.withdrawn";
}

/// <summary>A CloudEvents 1.0 structured-mode envelope.</summary>
public sealed record CloudEvent<T>(
    string Id,
    string Source,
    string Type,
    string Subject,
    DateTimeOffset Time,
    T Data)
{
    public string Specversion { get; init; } = "1.0";
    public string Datacontenttype { get; init; } = "application/json";
}

/// <summary>
/// Publishes one event per release state change. A marker on the release row records what was sent,
/// so a replayed or retried activity does not publish the same change twice.
/// </summary>
public sealed class ReleaseEventPublisher(PressRoomStorage storage)
{
    public const string Source = "/pressroom/releases";
    const string MarkerProperty = "EventsSent";

    public async Task<bool> PublishOnceAsync<T>(string partitionKey, string rowKey, string releaseId, string type, T data, DateTimeOffset time, CancellationToken cancellationToken)
    {
        var table = storage.ReleasesTable;
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, [MarkerProperty], cancellationToken);
        var sent = existing.HasValue ? existing.Value!.GetString(MarkerProperty) ?? string.Empty : string.Empty;
        if (sent.Split(',').Contains(type, StringComparer.Ordinal))
        {
            return false;
        }

        var cloudEvent = new CloudEvent<T>($"{releaseId}:{type}", Source, type, releaseId, time, data);
        await storage.EventsQueue.SendMessageAsync(JsonSerializer.Serialize(cloudEvent, PressRoomJson.Options), cancellationToken);

        var marker = new TableEntity(partitionKey, rowKey) { [MarkerProperty] = sent.Length == 0 ? type : $"{sent},{type}" };
        await table.UpsertEntityAsync(marker, TableUpdateMode.Merge, cancellationToken);
        return true;
    }
}
