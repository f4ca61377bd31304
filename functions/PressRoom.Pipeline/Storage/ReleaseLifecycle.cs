using System.Collections.Concurrent;
using System.Collections.Frozen;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Every status change of a release version and what it writes: the row in <c>Releases</c>, its listing rows
/// (<c>ReleasesByTime</c>, <c>EntityIndexV2</c>), the name index, <c>release.json</c> and exactly one event.
/// Versions of one source blob share a partition: the newest processed version is current, older ones are Superseded;
/// deleting the blob withdraws the current version; uploading the same content again reinstates it, and uploading
/// an earlier version's content again makes that version current again.
/// Every method is safe to repeat (activities replay, blob events repeat, watchers race).
/// </summary>
public sealed class ReleaseLifecycle(
    PressRoomStorage storage,
    ReleaseArtifacts artifacts,
    ReleaseEventPublisher events,
    ReleaseEntityWriter entityRows,
    TimeProvider clock,
    ILogger<ReleaseLifecycle> logger)
{
    /// <summary>Month buckets this process has written (see <see cref="ListMonthAsync"/>).</summary>
    readonly ConcurrentDictionary<string, byte> listedMonths = new(StringComparer.Ordinal);

    /// <summary>Records a newly received version (insert-only, so a repeated delivery never overwrites a later status).</summary>
    /// <returns>True when this call claimed the release; false when it was received before.</returns>
    public async Task<bool> TryClaimAsync(ReleaseInput input, CancellationToken cancellationToken)
    {
        var record = new ReleaseRecord
        {
            ReleaseId = input.ReleaseId,
            DocumentId = input.DocumentId,
            SourceBlob = input.BlobName,
            ContentSha256 = input.ContentSha256,
            Status = ReleaseStatus.Received,
            ReceivedAt = input.ReceivedAt,
        };
        var row = ReleaseRows.Claim(input);
        // The month is listed before the row exists, so a crash in between cannot leave a claimed release unlisted.
        await ListMonthAsync(record.ReceivedAt, cancellationToken);
        try
        {
            await storage.ReleasesTable.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Received before: a repeated delivery, a retry of a failed release, or the same content uploaded again.
            await ReinstateIfWithdrawnAsync(input, cancellationToken);
            await MakeCurrentIfSupersededAsync(input, cancellationToken);
            return false;
        }

        await WriteTimeIndexAsync(record, cancellationToken);
        return true;
    }

    /// <summary>
    /// Records how processing ended (Completed, Rejected or Failed): rows, indexes, <c>release.json</c>, versioning, one event.
    /// A release withdrawn or superseded meanwhile keeps that status (a replay never resurrects it).
    /// </summary>
    public Task<ReleaseRecord> RecordOutcomeAsync(ReleaseRecord record, CancellationToken cancellationToken) =>
        RecordOutcomeAsync(record, mentions: null, cancellationToken);

    /// <summary>
    /// As <see cref="RecordOutcomeAsync(ReleaseRecord, CancellationToken)"/>, with the mentions of a Completed release
    /// streamed (<see cref="ReleaseMentions.Stored"/>) rather than held in <see cref="ReleaseRecord.Entities"/>: they are read
    /// once, written into release.json and folded into the entity tables on the way.
    /// </summary>
    /// <param name="mentions">The mentions; null means those held in the record.</param>
    public async Task<ReleaseRecord> RecordOutcomeAsync(ReleaseRecord record, ReleaseMentions? mentions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        mentions ??= ReleaseMentions.Held(record.Entities);
        var existing = await GetRowAsync(record.DocumentId, record.ReleaseId, cancellationToken);
        var outcome = record.Status;
        if (existing is not null)
        {
            // The claim's time is the release's time: listing keys derive from it and must not move on a retry.
            // A repeated save keeps the link to the previous version that versioning gave the first one.
            record = record with { ReceivedAt = existing.ReceivedAt ?? record.ReceivedAt, Supersedes = record.Supersedes ?? existing.Supersedes };
            var current = existing.Status;
            if (current is ReleaseStatus.Withdrawn or ReleaseStatus.Superseded)
            {
                record = record with
                {
                    Status = current,
                    SupersededBy = existing.SupersededBy,
                    Supersedes = existing.Supersedes,
                    WithdrawnAt = existing.WithdrawnAt,
                };
            }
        }

        // release.json first: the one pass over the mentions writes it and folds the entity tables (a retry rewrites both).
        var folds = entityRows.NewFolds();
        await artifacts.WriteReleaseJsonAsync(record, mentions, folds.Add, cancellationToken);
        if (folds.Mentions != record.EntityCount)
        {
            // The counts on rows and events follow what was stored, not what the summaries announced.
            logger.LogWarning("Release {ReleaseId}: {Stored} mentions stored, {Expected} expected", record.ReleaseId, folds.Mentions, record.EntityCount);
            record = record with { StreamedEntityCount = folds.Mentions };
        }

        if (outcome == ReleaseStatus.Completed)
        {
            await entityRows.WriteAsync(record, folds, cancellationToken);
        }

        await storage.ReleasesTable.UpsertEntityAsync(ReleaseRows.Release(record), TableUpdateMode.Merge, cancellationToken);

        // The claim listed the release under its month already; a release that was never claimed needs the bucket too.
        if (existing is null)
        {
            await ListMonthAsync(record.ReceivedAt, cancellationToken);
        }

        await WriteTimeIndexAsync(record, cancellationToken);

        if (record.Status == ReleaseStatus.Withdrawn)
        {
            // The blob went away while this version was processed: the withdrawal was this version's last state change.
            logger.LogInformation("Release {ReleaseId} finished as {Outcome} after it was withdrawn", record.ReleaseId, outcome);
            return record;
        }

        if (outcome == ReleaseStatus.Completed)
        {
            var versions = await ReconcileVersionsAsync(record.DocumentId, cancellationToken);
            record = await WithVersioningAsync(record, versions, cancellationToken);
        }

        var type = ReleaseEventTypes.ForStatus(outcome);
        await events.PublishOnceAsync(record.ReleaseId, EventKey(type), type, ReleaseEventData.From(record), cancellationToken);
        return record;
    }

    /// <summary>
    /// The source blob was deleted: every version not already superseded becomes Withdrawn, with one <c>withdrawn</c> event each.
    /// History stays: rows, blobs and entities are kept.
    /// </summary>
    /// <returns>The release ids withdrawn (including ones a previous, interrupted call withdrew).</returns>
    public async Task<IReadOnlyList<string>> WithdrawAsync(string blobName, CancellationToken cancellationToken)
    {
        var withdrawn = new List<string>();
        foreach (var row in await VersionsAsync(ReleaseIdentity.DocumentId(blobName), cancellationToken))
        {
            if (row.SourceBlob != blobName || row.Status == ReleaseStatus.Superseded)
            {
                continue;
            }

            var releaseId = row.Id;
            var count = row.Withdrawals ?? 0;
            if (row.Status != ReleaseStatus.Withdrawn)
            {
                count++;
                await SetStatusAsync(row, ReleaseStatus.Withdrawn, new Dictionary<string, object?>
                {
                    [nameof(ReleaseRow.WithdrawnAt)] = clock.GetUtcNow(),
                    [nameof(ReleaseRow.PreviousStatus)] = row.Status,
                    [nameof(ReleaseRow.Withdrawals)] = count,
                }, cancellationToken);
                logger.LogInformation("Release {ReleaseId} withdrawn: source blob {BlobName} was deleted", releaseId, blobName);
            }

            // Also when already Withdrawn: an interrupted earlier call may have changed the status without sending the event.
            var data = await EventDataAsync((await GetRowAsync(row.DocumentId ?? row.PartitionKey, releaseId, cancellationToken)) ?? row, cancellationToken);
            var key = count <= 1 ? EventKey(ReleaseEventTypes.Withdrawn) : $"{EventKey(ReleaseEventTypes.Withdrawn)}-{count}";
            await events.PublishOnceAsync(releaseId, key, ReleaseEventTypes.Withdrawn, data, cancellationToken);
            withdrawn.Add(releaseId);
        }

        return withdrawn;
    }

    /// <summary>
    /// Newest processed version is current; every older Completed version becomes Superseded by the next newer one.
    /// Deterministic over the set of rows, so concurrent saves of two versions agree after both have written.
    /// </summary>
    /// <returns>Every version's row as this call left it (its own changes applied).</returns>
    async Task<List<ReleaseRow>> ReconcileVersionsAsync(string documentId, CancellationToken cancellationToken)
    {
        var versions = await VersionsAsync(documentId, cancellationToken);
        var chain = versions
            .Where(r => r.Status is ReleaseStatus.Completed or ReleaseStatus.Superseded)
            .OrderBy(r => r.VersionTime)
            .ThenBy(r => r.RowKey, StringComparer.Ordinal)
            .ToList();
        for (int i = 0; i < chain.Count; i++)
        {
            var row = chain[i];
            // A re-upload can reorder the chain, so links are compared with the order, not only filled in once.
            if (i < chain.Count - 1 && (row.Status == ReleaseStatus.Completed || row.SupersededBy != chain[i + 1].ReleaseId))
            {
                await SetStatusAsync(row, ReleaseStatus.Superseded, new Dictionary<string, object?> { [nameof(ReleaseRow.SupersededBy)] = chain[i + 1].ReleaseId }, cancellationToken);
                (row.Status, row.SupersededBy) = (ReleaseStatus.Superseded, chain[i + 1].ReleaseId);
            }
            else if (i == chain.Count - 1 && i > 0 && row.Supersedes != chain[i - 1].ReleaseId)
            {
                await SetStatusAsync(row, row.Status!, new Dictionary<string, object?> { [nameof(ReleaseRow.Supersedes)] = chain[i - 1].ReleaseId }, cancellationToken);
                row.Supersedes = chain[i - 1].ReleaseId;
            }
        }

        return versions;
    }

    /// <summary>
    /// The record as versioning left it. Reconciling changes only the status and version links, and they are on the
    /// release's row, which the reconciliation read and changed: neither release.json (every mention of a large
    /// release) nor the row is read back for them.
    /// </summary>
    async Task<ReleaseRecord> WithVersioningAsync(ReleaseRecord record, IReadOnlyList<ReleaseRow> versions, CancellationToken cancellationToken)
    {
        var rowKey = TableKeys.Sanitize(record.ReleaseId);
        var row = versions.FirstOrDefault(r => r.RowKey == rowKey) ?? await GetRowAsync(record.DocumentId, record.ReleaseId, cancellationToken);
        return row is null ? record : record with
        {
            Status = row.Status ?? record.Status,
            Supersedes = row.Supersedes,
            SupersededBy = row.SupersededBy,
            WithdrawnAt = row.WithdrawnAt,
        };
    }

    async Task ReinstateIfWithdrawnAsync(ReleaseInput input, CancellationToken cancellationToken)
    {
        var row = await GetRowAsync(input.DocumentId, input.ReleaseId, cancellationToken);
        if (row is null || row.Status != ReleaseStatus.Withdrawn || row.PreviousStatus is not { } previous)
        {
            return;
        }

        // The blob is back with the same content (the intake just read it): the version is live again.
        await SetStatusAsync(row, previous, new Dictionary<string, object?> { [nameof(ReleaseRow.WithdrawnAt)] = null }, cancellationToken);
        if (previous == ReleaseStatus.Completed)
        {
            await ReconcileVersionsAsync(input.DocumentId, cancellationToken);
        }

        logger.LogInformation("Release {ReleaseId} reinstated as {Status}: its content was uploaded again", input.ReleaseId, previous);
        if (previous is ReleaseStatus.Completed or ReleaseStatus.Rejected or ReleaseStatus.Failed)
        {
            var data = await EventDataAsync((await GetRowAsync(input.DocumentId, input.ReleaseId, cancellationToken))!, cancellationToken);
            var type = ReleaseEventTypes.ForStatus(previous);
            await events.PublishOnceAsync(input.ReleaseId, $"{EventKey(type)}-reinstated-{row.Withdrawals ?? 1}", type, data, cancellationToken);
        }
    }

    /// <summary>
    /// Earlier content uploaded again (v1, v2, then v1's bytes): the blob holds v1 again, so v1 becomes current — a new
    /// version in the chain that points at v1's release and content, without processing it again — and v2 is
    /// Superseded by it. One <c>processed</c> event announces v1 as current (its <c>supersedes</c> names v2).
    /// A repeated delivery finds v1 current already and changes nothing.
    /// </summary>
    async Task MakeCurrentIfSupersededAsync(ReleaseInput input, CancellationToken cancellationToken)
    {
        var row = await GetRowAsync(input.DocumentId, input.ReleaseId, cancellationToken);
        if (row is null || row.Status != ReleaseStatus.Superseded)
        {
            return;
        }

        var reuploads = (row.Reuploads ?? 0) + 1;
        var versionAt = input.ReceivedAt > (row.VersionTime ?? DateTimeOffset.MinValue)
            ? input.ReceivedAt
            : clock.GetUtcNow();
        await SetStatusAsync(row, ReleaseStatus.Completed, new Dictionary<string, object?>
        {
            [nameof(ReleaseRow.SupersededBy)] = null,
            [nameof(ReleaseRow.VersionAt)] = versionAt,
            [nameof(ReleaseRow.Reuploads)] = reuploads,
        }, cancellationToken);
        await ReconcileVersionsAsync(input.DocumentId, cancellationToken);

        logger.LogInformation("Release {ReleaseId} is current again: its content was uploaded again (re-upload {Count})", input.ReleaseId, reuploads);
        var data = await EventDataAsync((await GetRowAsync(input.DocumentId, input.ReleaseId, cancellationToken))!, cancellationToken);
        await events.PublishOnceAsync(input.ReleaseId, $"{EventKey(ReleaseEventTypes.Processed)}-current-{reuploads}", ReleaseEventTypes.Processed, data, cancellationToken);
    }

    /// <summary>Index rows patched at once on a status change (a large release has thousands).</summary>
    const int MaxConcurrentIndexPatches = 32;

    /// <summary>Changes the status everywhere a release's status is stored: Releases, ReleasesByTime, EntityIndexV2 and release.json.</summary>
    async Task SetStatusAsync(ReleaseRow row, string status, IReadOnlyDictionary<string, object?> extra, CancellationToken cancellationToken)
    {
        var releaseId = row.Id;
        var receivedAt = row.ReceivedAt ?? DateTimeOffset.MinValue;
        var change = new Dictionary<string, object?>(extra, StringComparer.Ordinal) { [nameof(ReleaseRow.Status)] = status };
        await RowPatch.MergeIfExistsAsync(storage.ReleasesTable, row.PartitionKey, row.RowKey, change, cancellationToken);

        // Listing rows carry the status and the link to the newer version, nothing else of the change.
        var listed = new Dictionary<string, object?>(StringComparer.Ordinal) { [nameof(ReleaseListingRow.Status)] = status };
        if (extra.TryGetValue(nameof(ReleaseListingRow.SupersededBy), out var supersededBy))
        {
            listed[nameof(ReleaseListingRow.SupersededBy)] = supersededBy;
        }

        await RowPatch.MergeIfExistsAsync(storage.ReleasesByTimeTable, TableKeys.MonthBucket(receivedAt), TableKeys.NewestFirst(receivedAt, releaseId), listed, cancellationToken);
        // The release's index rows: one per key of a named entity (dates and numbers are not indexed, so not patched).
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in storage.EntitiesTable.QueryAsync<ReleaseEntityRow>(
            e => e.PartitionKey == TableKeys.Sanitize(releaseId), select: [nameof(ReleaseEntityRow.EntityKey), nameof(ReleaseEntityRow.Category)], cancellationToken: cancellationToken))
        {
            if (entity.EntityKey is { } key && ReleaseRows.IsIndexed(entity.Category))
            {
                keys.Add(key);
            }
        }

        // A patch may remove a column (SupersededBy), which a batch cannot: one request per row, overlapped. Status
        // changes are rare (supersede, withdraw, reinstate), unlike the save, which writes these rows in batches.
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentIndexPatches, CancellationToken = cancellationToken },
            async (key, ct) => await RowPatch.MergeIfExistsAsync(
                storage.EntityIndexTable, TableKeys.EntityIndexPartition(key), TableKeys.EntityIndexRowKey(key, receivedAt, releaseId), listed, ct));

        // release.json: the same fields, patched as it streams through (a release may hold a quarter million mentions).
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal) { [JsonName(nameof(ReleaseRecord.Status))] = status };
        foreach (var name in (string[])[nameof(ReleaseRecord.SupersededBy), nameof(ReleaseRecord.Supersedes), nameof(ReleaseRecord.WithdrawnAt)])
        {
            if (extra.TryGetValue(name, out var value))
            {
                fields[JsonName(name)] = value;
            }
        }

        await artifacts.TryPatchJsonAsync(releaseId, ReleaseArtifacts.ReleaseFile, fields, cancellationToken);
    }

    /// <summary>A <see cref="ReleaseRecord"/> property's name in release.json.</summary>
    static string JsonName(string property) => PressRoomJson.Options.PropertyNamingPolicy?.ConvertName(property) ?? property;

    /// <summary>The entity lists of release.json, left out where only the summary is needed (the count is on the row).</summary>
    static readonly IReadOnlySet<string> EntityLists = FrozenSet.Create(StringComparer.Ordinal, JsonName(nameof(ReleaseRecord.Entities)));

    /// <summary>
    /// Lists the month once per process: the bucket row never changes, so after one successful write every later
    /// release of that month would only repeat it (one request per release).
    /// </summary>
    async Task ListMonthAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var bucket = ReleaseRows.MonthBucket(receivedAt);
        if (listedMonths.ContainsKey(bucket.RowKey))
        {
            return;
        }

        await storage.ReleasesByTimeTable.UpsertEntityAsync(bucket, TableUpdateMode.Replace, cancellationToken);
        listedMonths.TryAdd(bucket.RowKey, 0);
    }

    Task WriteTimeIndexAsync(ReleaseRecord record, CancellationToken cancellationToken) =>
        storage.ReleasesByTimeTable.UpsertEntityAsync(ReleaseRows.TimeIndex(record), TableUpdateMode.Replace, cancellationToken);

    /// <summary>The data of an event about a release: from its release.json without the entity lists, and its row.</summary>
    async Task<ReleaseEventData> EventDataAsync(ReleaseRow row, CancellationToken cancellationToken) =>
        ReleaseEventData.From(await SummaryOfAsync(row, cancellationToken)) with { EntityCount = row.EntityCount ?? 0 };

    /// <summary>
    /// The release.json of a row without its entity lists (streamed past, not parsed), or (for a release never
    /// processed) a record built from the row itself.
    /// </summary>
    async Task<ReleaseRecord> SummaryOfAsync(ReleaseRow row, CancellationToken cancellationToken)
    {
        var releaseId = row.Id;
        return await artifacts.TryReadJsonWithoutAsync<ReleaseRecord>(releaseId, ReleaseArtifacts.ReleaseFile, EntityLists, cancellationToken)
            ?? new ReleaseRecord
            {
                ReleaseId = releaseId,
                DocumentId = row.DocumentId ?? row.PartitionKey,
                SourceBlob = row.SourceBlob ?? string.Empty,
                ContentSha256 = row.ContentSha256 ?? string.Empty,
                Status = row.Status ?? ReleaseStatus.Received,
                ReceivedAt = row.ReceivedAt ?? DateTimeOffset.MinValue,
                WithdrawnAt = row.WithdrawnAt,
                Blobs = new Dictionary<string, string>(StringComparer.Ordinal) { ["original"] = $"{StorageNames.ReleasesContainer}/{row.SourceBlob}" },
            };
    }

    async Task<ReleaseRow?> GetRowAsync(string documentId, string releaseId, CancellationToken cancellationToken)
    {
        var row = await storage.ReleasesTable.GetEntityIfExistsAsync<ReleaseRow>(TableKeys.Sanitize(documentId), TableKeys.Sanitize(releaseId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    async Task<List<ReleaseRow>> VersionsAsync(string documentId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Sanitize(documentId);
        var rows = new List<ReleaseRow>();
        await foreach (var row in storage.ReleasesTable.QueryAsync<ReleaseRow>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The first state change of a kind is keyed by the type's last segment: processed, rejected, failed, withdrawn.</summary>
    static string EventKey(string type) => type[(type.LastIndexOf('.') + 1)..];
}
