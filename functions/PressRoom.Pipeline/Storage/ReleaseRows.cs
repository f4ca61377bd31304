using System.Globalization;
using System.Text.Json;
using PressRoom.Pipeline.Entities;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Maps records to table rows (docs/output-contract.md lists every column). Keys:
/// Releases (DocumentId, ReleaseId); ReleasesByTime (month, newest-first + ReleaseId);
/// ReleaseEntities (ReleaseId, lang-index of the first mention; one row per distinct entity); EntityIndexV2 (key shard, entity key | newest-first + ReleaseId);
/// EntityNames (script of a name token, token|entity key). Every row is a typed <see cref="TypedTableRow"/>.
/// </summary>
public static class ReleaseRows
{
    /// <summary>Azure's limit per string property is 64 KiB (32K UTF-16 chars); stay well under it.</summary>
    public const int MaxStringChars = 30_000;

    /// <summary>Listing rows hold summaries; a title longer than this is clipped there (never in Releases or release.json).</summary>
    public const int MaxListingTitleChars = 1_000;

    /// <summary>Partition of <c>ReleasesByTime</c> that lists the month buckets in use.</summary>
    public const string BucketsPartition = "_buckets";

    /// <summary>
    /// Categories that are not names: dates, numbers and contact details. Their keys are values, not entities one follows
    /// from release to release, and they are most of a large release's distinct keys (every amount and head count is
    /// its own key), so neither name search (<c>EntityNames</c>) nor "releases that mention X" (<c>EntityIndex</c>)
    /// indexes them; <c>ReleaseEntities</c> and release.json keep them.
    /// </summary>
    static readonly HashSet<string> UnnamedCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        "DateTime", "Quantity", "PhoneNumber", "Email", "URL", "IP",
    };

    /// <summary>Whether entities of a category are indexed (<c>EntityIndex</c>, <c>EntityNames</c>): named ones only.</summary>
    public static bool IsIndexed(string? category) => category is not null && !UnnamedCategories.Contains(category);

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

    /// <summary>Mention offsets kept on an entity row when no option says otherwise (<c>Save:MaxMentionOffsets</c>).</summary>
    public const int DefaultMaxMentionOffsets = 32;

    public static IEnumerable<ReleaseEntityRow> Entities(string releaseId, string language, IEnumerable<ExtractedEntity> entities) =>
        Entities(releaseId, language, entities, DefaultMaxMentionOffsets);

    /// <summary>
    /// One row per distinct entity (key) of one language, in order of first mention; RowKey = the first mention's
    /// position in that language's list in release.json. The row carries the first mention, the number of mentions
    /// and the offsets of at most <paramref name="maxMentionOffsets"/> of them; the full list stays in release.json, so
    /// a release that names one body ten thousand times writes one row for it, not ten thousand.
    /// </summary>
    public static IEnumerable<ReleaseEntityRow> Entities(string releaseId, string language, IEnumerable<ExtractedEntity> entities, int maxMentionOffsets)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentOutOfRangeException.ThrowIfNegative(maxMentionOffsets);
        return Entities(releaseId, language, Distinct(entities, maxMentionOffsets));
    }

    /// <summary>The entity rows of one language from mentions already folded (streamed past once, see <see cref="MentionFold"/>).</summary>
    public static IEnumerable<ReleaseEntityRow> Entities(string releaseId, string language, MentionFold fold)
    {
        ArgumentNullException.ThrowIfNull(fold);
        return Entities(releaseId, language, fold.Groups);
    }

    static IEnumerable<ReleaseEntityRow> Entities(string releaseId, string language, IReadOnlyList<MentionGroup> groups)
    {
        return groups.Select(g => new ReleaseEntityRow
        {
            PartitionKey = TableKeys.Sanitize(releaseId),
            RowKey = $"{TableKeys.Sanitize(language)}-{g.Index:D5}",
            SchemaVersion = ReleaseRecord.CurrentSchemaVersion,
            ReleaseId = releaseId,
            Language = language,
            Category = g.First.Category,
            Subcategory = g.First.Subcategory,
            Text = Clip(g.First.Text),
            English = Clip(g.English),
            Value = Clip(g.First.Value),
            EntityKey = g.First.Key,
            Offset = g.First.Offset,
            Length = g.First.Length,
            Confidence = g.First.Confidence,
            Provider = g.First.Provider,
            Attributes = g.First.Attributes is null ? null : Clip(JsonSerializer.Serialize(g.First.Attributes, PressRoomJson.Options)),
            MentionCount = g.Count,
            MentionOffsets = JsonSerializer.Serialize(g.Offsets, PressRoomJson.Options),
        });
    }

    /// <summary>
    /// One row per distinct key of a named entity of the release (<see cref="IsIndexed"/>), in the key's shard
    /// (<see cref="TableKeys.EntityIndexPartition"/>), newest release first under the key's prefix.
    /// </summary>
    public static IEnumerable<EntityIndexRow> Index(ReleaseRecord record, IEnumerable<ExtractedEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Index(record, Distinct(entities.Where(e => IsIndexed(e.Category)), maxMentionOffsets: 0));
    }

    /// <summary>The index rows from the named mentions already folded (<see cref="MentionFold.Named"/>).</summary>
    public static IEnumerable<EntityIndexRow> Index(ReleaseRecord record, MentionFold named)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(named);
        return Index(record, named.Groups);
    }

    static IEnumerable<EntityIndexRow> Index(ReleaseRecord record, IReadOnlyList<MentionGroup> groups)
    {
        return groups
            .Select(g => WithSummary(
                new EntityIndexRow
                {
                    PartitionKey = TableKeys.EntityIndexPartition(g.First.Key),
                    RowKey = TableKeys.EntityIndexRowKey(g.First.Key, record.ReceivedAt, record.ReleaseId),
                    EntityKey = g.First.Key,
                    Category = g.First.Category,
                    Text = Clip(g.First.Text),
                    English = Clip(g.English),
                    Mentions = g.Count,
                },
                record));
    }

    /// <summary>
    /// Name tokens of every named entity (Arabic text and English name), partitioned by the token's script so a
    /// prefix search is one range query in one partition and a release's names are written in a few batches
    /// (one partition per first letter cost one round trip per letter).
    /// </summary>
    public static IEnumerable<EntityNameRow> Names(ReleaseRecord record, IEnumerable<ExtractedEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Names(record, Distinct(entities.Where(e => IsIndexed(e.Category)), maxMentionOffsets: 0));
    }

    /// <summary>The name rows from the named mentions already folded (<see cref="MentionFold.Named"/>).</summary>
    public static IEnumerable<EntityNameRow> Names(ReleaseRecord record, MentionFold named)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(named);
        return Names(record, named.Groups);
    }

    static IEnumerable<EntityNameRow> Names(ReleaseRecord record, IReadOnlyList<MentionGroup> groups)
    {
        var rows = new Dictionary<(string, string), EntityNameRow>();
        foreach (var group in groups)
        {
            var name = group.ArabicText ?? group.First.Text;
            foreach (var token in group.Forms.SelectMany(f => NameNormalizer.Tokens(f.Text).Concat(NameNormalizer.Tokens(f.English))).Distinct(StringComparer.Ordinal))
            {
                var pk = NamePartition(token);
                var rk = TableKeys.Sanitize($"{token}|{group.First.Key}");
                rows[(pk, rk)] = new EntityNameRow
                {
                    PartitionKey = pk,
                    RowKey = rk,
                    SchemaVersion = ReleaseRecord.CurrentSchemaVersion,
                    Token = token,
                    EntityKey = group.First.Key,
                    Category = group.First.Category,
                    Name = Clip(name),
                    English = Clip(group.EnglishName),
                    LastReleaseId = record.ReleaseId,
                    LastSeenAt = record.ReceivedAt,
                };
            }
        }

        return rows.Values;
    }

    /// <summary>Mentions folded per entity key in one pass: memory grows with distinct entities, not with mentions.</summary>
    static IReadOnlyList<MentionGroup> Distinct(IEnumerable<ExtractedEntity> entities, int maxMentionOffsets)
    {
        var fold = new MentionFold(maxMentionOffsets);
        foreach (var e in entities)
        {
            fold.Add(e);
        }

        return fold.Groups;
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

    static int EntityCount(ReleaseRecord record) => record.EntityCount;

    internal static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    static string? Clip(string? value) => Clip(value, MaxStringChars);

    static string? Clip(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
