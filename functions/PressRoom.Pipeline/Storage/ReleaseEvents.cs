using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace PressRoom.Pipeline.Storage;

/// <summary>CloudEvents 1.0 event types on the <c>release-events</c> queue.</summary>
public static class ReleaseEventTypes
{
    public const string Processed = "pressroom.release.processed";
    public const string Failed = "pressroom.release.failed";
    public const string Rejected = "pressroom.release.rejected";
    public const string Withdrawn = "pressroom.release.withdrawn";

    /// <summary>The event a release's final status announces.</summary>
    public static string ForStatus(string status) => status switch
    {
        ReleaseStatus.Completed or ReleaseStatus.Superseded => Processed,
        ReleaseStatus.Rejected => Rejected,
        ReleaseStatus.Failed => Failed,
        ReleaseStatus.Withdrawn => Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No event announces this status."),
    };
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

/// <summary>The <c>data</c> of a release event: the summary plus pointers to the blobs and the table row.</summary>
public sealed record ReleaseEventData(
    string ReleaseId,
    string DocumentId,
    string SourceBlob,
    string Status,
    string? Language,
    string? Title,
    string? TitleEn,
    string? ReasonCode,
    string? Reason,
    int EntityCount,
    IReadOnlyDictionary<string, string> Blobs,
    TablePointer Row)
{
    public string SchemaVersion { get; init; } = ReleaseRecord.CurrentSchemaVersion;

    /// <summary>SHA-256 of the original: equal for the same file uploaded under two names, so consumers can group copies.</summary>
    public string? ContentSha256 { get; init; }

    public string? Supersedes { get; init; }
    public string? SupersededBy { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>Events stay small: titles are clipped (the full title is in release.json).</summary>
    const int MaxTitle = 1_000;

    public static ReleaseEventData From(ReleaseRecord record) => new(
        record.ReleaseId,
        record.DocumentId,
        record.SourceBlob,
        record.Status,
        record.Language,
        Clip(record.Title),
        Clip(record.TranslatedTitles.GetValueOrDefault("en")),
        record.ReasonCode,
        Clip(record.Reason),
        record.EntityCount,
        record.Blobs,
        new TablePointer(StorageNames.ReleasesTable, TableKeys.Sanitize(record.DocumentId), TableKeys.Sanitize(record.ReleaseId)))
    {
        ContentSha256 = record.ContentSha256,
        Supersedes = record.Supersedes,
        SupersededBy = record.SupersededBy,
        WithdrawnAt = record.WithdrawnAt,
    };

    static string? Clip(string? value) => value is { Length: > MaxTitle } ? value[..MaxTitle] : value;
}

public sealed record TablePointer(string Table, string PartitionKey, string RowKey);

/// <summary>
/// Publishes one event per release state change. Each change has a deterministic event id (<c>{releaseId}:{key}</c>);
/// a row in <c>ReleaseEventLog</c> claims it before sending (insert-only, so of two concurrent executions only one sends)
/// and records it as sent afterwards. A claim left pending by a process that died is taken over after
/// <see cref="ClaimLease"/> and the stored message is re-sent byte for byte; only a death between sending and
/// recording can therefore repeat a message, and it repeats with the same CloudEvents id.
/// </summary>
public sealed class ReleaseEventPublisher(PressRoomStorage storage, TimeProvider clock, ILogger<ReleaseEventPublisher> logger)
{
    public const string Source = "/pressroom/releases";

    /// <summary>How long a claim may stay pending before another execution re-sends it.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <param name="eventKey">Names the state change; the event type's last segment for the first change of a kind.</param>
    /// <returns>True when this call sent the message.</returns>
    public async Task<bool> PublishOnceAsync<T>(string releaseId, string eventKey, string type, T data, CancellationToken cancellationToken)
    {
        var table = storage.EventLogTable;
        var pk = TableKeys.Sanitize(releaseId);
        var rk = TableKeys.Sanitize(eventKey);
        var body = JsonSerializer.Serialize(new CloudEvent<T>($"{releaseId}:{eventKey}", Source, type, releaseId, clock.GetUtcNow(), data), PressRoomJson.Options);
        var deadline = clock.GetUtcNow() + ClaimLease * 2;
        while (true)
        {
            var claim = new EventLogRow
            {
                PartitionKey = pk,
                RowKey = rk,
                SchemaVersion = ReleaseRecord.CurrentSchemaVersion,
                ReleaseId = releaseId,
                EventId = $"{releaseId}:{eventKey}",
                Type = type,
                State = EventClaimState.Pending,
                ClaimedBy = WorkerIdentity.Current,
                ClaimedAt = clock.GetUtcNow(),
                Body = body,
            };
            try
            {
                var added = await table.AddEntityAsync(claim, cancellationToken);
                await SendAndRecordAsync(table, claim, body, added.Headers.ETag!.Value, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Claimed before: sent already, being sent, or abandoned by a process that died.
            }

            var existing = (await table.GetEntityAsync<EventLogRow>(pk, rk, cancellationToken: cancellationToken)).Value;
            if (existing.State == EventClaimState.Sent)
            {
                return false;
            }

            if (clock.GetUtcNow() - (existing.ClaimedAt ?? DateTimeOffset.MinValue) > ClaimLease)
            {
                existing.ClaimedBy = WorkerIdentity.Current;
                existing.ClaimedAt = clock.GetUtcNow();
                try
                {
                    var taken = await table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                    logger.LogWarning("Event {EventId} was left pending; re-sending it", existing.EventId);
                    await SendAndRecordAsync(table, existing, existing.Body ?? body, taken.Headers.ETag!.Value, cancellationToken);
                    return true;
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    continue; // another execution took it over first
                }
            }

            if (clock.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Event {releaseId}:{eventKey} stayed pending in another execution; the activity retries.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    async Task SendAndRecordAsync(TableClient table, EventLogRow claim, string body, ETag etag, CancellationToken cancellationToken)
    {
        var receipt = await storage.EventsQueue.SendMessageAsync(body, cancellationToken);
        claim.State = EventClaimState.Sent;
        claim.SentAt = clock.GetUtcNow();
        claim.MessageId = receipt.Value.MessageId;
        try
        {
            await table.UpdateEntityAsync(claim, etag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // This execution was slower than the lease and another one re-sent the same event id; consumers dedupe by id.
            logger.LogWarning("Event {EventId} was re-sent by another execution while this one sent it", claim.EventId);
        }
    }
}
