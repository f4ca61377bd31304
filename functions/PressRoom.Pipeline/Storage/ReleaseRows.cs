using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PressRoom.Pipeline.Entities;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Maps records to table rows (docs/output-contract.md lists every column). Keys:
/// Releases (DocumentId, ReleaseId); ReleasesByTime (month, newest-first + ReleaseId);
/// ReleaseEntities (ReleaseId, lang-index); EntityIndex (entity key, newest-first + ReleaseId);
/// EntityNames (first letter of a name token, token|entity key).
/// </summary>
public static class ReleaseRows
{
    /// <summary>Azure's limit per string property is 64 KiB (32K UTF-16 chars); stay well under it.</summary>
    public const int MaxStringChars = 30_000;

    /// <summary>Listing rows hold summaries; a title longer than this is clipped there (never in Releases or release.json).</summary>
    public const int MaxListingTitleChars = 1_000;

    /// <summary>Partition of <c>ReleasesByTime</c> that lists the month buckets in use.</summary>
    public const string BucketsPartition = "_buckets";

    /// <summary>Categories whose names are indexed for search; dates and numbers are not names.</summary>
    static readonly HashSet<string> UnnamedCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        "DateTime", "Quantity", "PhoneNumber", "Email", "URL", "IP",
    };

    public static ReleaseRow Release(ReleaseRecord record) => new()
    {
        PartitionKey = TableKeys.Sanitize(record.DocumentId),
        RowKey = TableKeys.Sanitize(record.ReleaseId),
        SchemaVersion = record.SchemaVersion,
        ReleaseId = record.ReleaseId,
        DocumentId = record.DocumentId,
        SourceBlob = Clip(record.SourceBlob),
        ContentSha256 = record.ContentSha256,
        Status = record.Status,
        ReasonCode = record.ReasonCode,
        Reason = Clip(record.Reason),
        Format = record.Format,
        Language = record.Language,
        Title = Clip(record.Title),
        TitleEn = Clip(record.TranslatedTitles.GetValueOrDefault("en")),
        DatelinePlace = record.Dateline?.Place,
        DatelineSource = record.Dateline?.Source,
        DatelineDate = record.Dateline?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Characters = record.Characters,
        Paragraphs = record.Paragraphs,
        EntityCount = EntityCount(record),
        EntityCounts = JsonSerializer.Serialize(record.EntitySummaries.ToDictionary(s => s.Language, s => s.ByCategory), PressRoomJson.Options),
        TranslationStatus = string.Join(";", record.Translations.Select(t => $"{t.TargetLanguage}:{t.Status}")),
        TranslationProvider = record.Translations.FirstOrDefault()?.Provider,
        EntityProvider = record.EntitySummaries.FirstOrDefault()?.Provider,
        ReceivedAt = record.ReceivedAt,
        StartedAt = record.StartedAt is { } s ? new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc)) : null,
        CompletedAt = record.CompletedAt is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : null,
        DurationMs = record.StartedAt is { } st && record.CompletedAt is { } ct ? (ct - st).TotalMilliseconds : null,
        Timings = JsonSerializer.Serialize(record.Timings.ToDictionary(t => t.Stage, t => Math.Round(t.Milliseconds)), PressRoomJson.Options),
        CharactersSent = JsonSerializer.Serialize(record.CharactersSentByProvider, PressRoomJson.Options),
        PromptTokens = record.TokensByProvider.Values.Sum(t => t.Prompt),
        CompletionTokens = record.TokensByProvider.Values.Sum(t => t.Completion),
        ReleaseJson = record.Blobs.GetValueOrDefault("release"),
        SourceTextBlob = record.Blobs.GetValueOrDefault("source"),
        EnglishTextBlob = record.Blobs.GetValueOrDefault("en"),
        ProcessedBy = record.ProcessedBy,
        Supersedes = record.Supersedes,
        SupersededBy = record.SupersededBy,
        WithdrawnAt = record.WithdrawnAt,
    };

    /// <summary>The row a newly received version is claimed with (insert-only): identity, source and <c>Received</c>.</summary>
    public static ReleaseRow Claim(ReleaseInput input) => new()
    {
        PartitionKey = TableKeys.Sanitize(input.DocumentId),
        RowKey = TableKeys.Sanitize(input.ReleaseId),
        SchemaVersion = ReleaseRecord.CurrentSchemaVersion,
        ReleaseId = input.ReleaseId,
        DocumentId = input.DocumentId,
        SourceBlob = input.BlobName,
        ContentSha256 = input.ContentSha256,
        Size = input.Size,
        Status = ReleaseStatus.Received,
        ReceivedAt = input.ReceivedAt,
        IngestSource = input.Source,
    };

    /// <summary>The row of a release in the newest-first listing, under its month.</summary>
    public static ReleaseListingRow TimeIndex(ReleaseRecord record) =>
        WithSummary(new ReleaseListingRow { PartitionKey = TableKeys.MonthBucket(record.ReceivedAt), RowKey = TableKeys.NewestFirst(record.ReceivedAt, record.ReleaseId) }, record);

    /// <summary>Marks a month as holding releases, so listings visit only months that exist.</summary>
    public static MonthBucketRow MonthBucket(DateTimeOffset receivedAt) =>
        new() { PartitionKey = BucketsPartition, RowKey = TableKeys.MonthBucket(receivedAt), SchemaVersion = ReleaseRecord.CurrentSchemaVersion };

    public static IEnumerable<TableEntity> Entities(string releaseId, string language, IReadOnlyList<ExtractedEntity> entities) =>
        entities.Select((e, i) => new TableEntity(TableKeys.Sanitize(releaseId), $"{TableKeys.Sanitize(language)}-{i:D5}")
        {
            ["SchemaVersion"] = ReleaseRecord.CurrentSchemaVersion,
            ["ReleaseId"] = releaseId,
            ["Language"] = language,
            ["Category"] = e.Category,
            ["Subcategory"] = e.Subcategory,
            ["Text"] = Clip(e.Text),
            ["English"] = Clip(e.English),
            ["Value"] = Clip(e.Value),
            ["EntityKey"] = e.Key,
            ["Offset"] = e.Offset,
            ["Length"] = e.Length,
            ["Confidence"] = e.Confidence,
            ["Provider"] = e.Provider,
            ["Attributes"] = e.Attributes is null ? null : Clip(JsonSerializer.Serialize(e.Attributes, PressRoomJson.Options)),
        });

    /// <summary>One row per distinct entity key of the release, in the entity's partition, newest release first.</summary>
    public static IEnumerable<EntityIndexRow> Index(ReleaseRecord record, IEnumerable<ExtractedEntity> entities) =>
        entities
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g => WithSummary(
                new EntityIndexRow
                {
                    PartitionKey = TableKeys.Sanitize(g.Key),
                    RowKey = TableKeys.NewestFirst(record.ReceivedAt, record.ReleaseId),
                    EntityKey = g.Key,
                    Category = g.First().Category,
                    Text = Clip(g.First().Text),
                    English = Clip(g.Select(e => e.English).FirstOrDefault(n => n is not null)),
                    Mentions = g.Count(),
                },
                record));

    /// <summary>
    /// Name tokens of every named entity (Arabic text and English name), partitioned by the token's script so a
    /// prefix search is one range query in one partition and a release's names are written in a few batches
    /// (one partition per first letter cost one round trip per letter).
    /// </summary>
    public static IEnumerable<TableEntity> Names(ReleaseRecord record, IEnumerable<ExtractedEntity> entities)
    {
        var rows = new Dictionary<(string, string), TableEntity>();
        foreach (var group in entities.Where(e => !UnnamedCategories.Contains(e.Category)).GroupBy(e => e.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            var english = group.Select(e => e.English).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
            var name = group.Select(e => e.Text).FirstOrDefault(t => t.Any(IsArabic)) ?? first.Text;
            foreach (var token in group.SelectMany(e => NameNormalizer.Tokens(e.Text).Concat(NameNormalizer.Tokens(e.English))).Distinct(StringComparer.Ordinal))
            {
                var pk = NamePartition(token);
                var rk = TableKeys.Sanitize($"{token}|{group.Key}");
                rows[(pk, rk)] = new TableEntity(pk, rk)
                {
                    ["SchemaVersion"] = ReleaseRecord.CurrentSchemaVersion,
                    ["Token"] = token,
                    ["EntityKey"] = group.Key,
                    ["Category"] = first.Category,
                    ["Name"] = Clip(name),
                    ["English"] = Clip(english),
                    ["LastReleaseId"] = record.ReleaseId,
                    ["LastSeenAt"] = record.ReceivedAt,
                };
            }
        }

        return rows.Values;
    }

    /// <summary>The <c>EntityNames</c> partition of a normalized token: its script as an ISO 15924 code.</summary>
    public static string NamePartition(string token) => token.Length > 0 && IsArabic(token[0]) ? "Arab" : "Latn";

    /// <summary>The summary columns shared by listing rows (ReleasesByTime, EntityIndex), so a page needs no lookups.</summary>
    static T WithSummary<T>(T row, ReleaseRecord record)
        where T : ReleaseListingRow
    {
        row.SchemaVersion = ReleaseRecord.CurrentSchemaVersion;
        row.ReleaseId = record.ReleaseId;
        row.DocumentId = record.DocumentId;
        row.SourceBlob = Clip(record.SourceBlob);
        row.Status = record.Status;
        row.Language = record.Language;
        row.Title = Clip(record.Title, MaxListingTitleChars);
        row.TitleEn = Clip(record.TranslatedTitles.GetValueOrDefault("en"), MaxListingTitleChars);
        row.DatelinePlace = record.Dateline?.Place;
        row.DatelineDate = record.Dateline?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row.ReceivedAt = record.ReceivedAt;
        row.EntityCount = EntityCount(record);
        row.SupersededBy = record.SupersededBy;
        return row;
    }

    static int EntityCount(ReleaseRecord record) => record.Entities.Values.Sum(l => l.Count);

    static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    static string? Clip(string? value) => Clip(value, MaxStringChars);

    static string? Clip(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
