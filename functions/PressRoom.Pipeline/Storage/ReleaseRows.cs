using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PressRoom.Pipeline.Entities;

namespace PressRoom.Pipeline.Storage;

/// <summary>Maps records to table rows. Keys: Releases (DocumentId, ReleaseId); ReleaseEntities (ReleaseId, lang-index); EntityIndex (entity key, newest-first + ReleaseId).</summary>
public static class ReleaseRows
{
    /// <summary>Azure's limit per string property is 64 KiB (32K UTF-16 chars); stay well under it.</summary>
    public const int MaxStringChars = 30_000;

    public static TableEntity Release(ReleaseRecord record)
    {
        var row = new TableEntity(TableKeys.Sanitize(record.DocumentId), TableKeys.Sanitize(record.ReleaseId))
        {
            ["SchemaVersion"] = record.SchemaVersion,
            ["ReleaseId"] = record.ReleaseId,
            ["DocumentId"] = record.DocumentId,
            ["SourceBlob"] = Clip(record.SourceBlob),
            ["ContentSha256"] = record.ContentSha256,
            ["Status"] = record.Status,
            ["ReasonCode"] = record.ReasonCode,
            ["Reason"] = Clip(record.Reason),
            ["Format"] = record.Format,
            ["Language"] = record.Language,
            ["Title"] = Clip(record.Title),
            ["TitleEn"] = Clip(record.TranslatedTitles.GetValueOrDefault("en")),
            ["DatelinePlace"] = record.Dateline?.Place,
            ["DatelineSource"] = record.Dateline?.Source,
            ["DatelineDate"] = record.Dateline?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Characters"] = record.Characters,
            ["Paragraphs"] = record.Paragraphs,
            ["EntityCount"] = record.Entities.Values.Sum(l => l.Count),
            ["EntityCounts"] = JsonSerializer.Serialize(record.EntitySummaries.ToDictionary(s => s.Language, s => s.ByCategory), PressRoomJson.Options),
            ["TranslationStatus"] = string.Join(";", record.Translations.Select(t => $"{t.TargetLanguage}:{t.Status}")),
            ["TranslationProvider"] = record.Translations.FirstOrDefault()?.Provider,
            ["EntityProvider"] = record.EntitySummaries.FirstOrDefault()?.Provider,
            ["ReceivedAt"] = record.ReceivedAt,
            ["StartedAt"] = record.StartedAt is { } s ? new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc)) : null,
            ["CompletedAt"] = record.CompletedAt is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : null,
            ["DurationMs"] = record.StartedAt is { } st && record.CompletedAt is { } ct ? (ct - st).TotalMilliseconds : null,
            ["Timings"] = JsonSerializer.Serialize(record.Timings.ToDictionary(t => t.Stage, t => Math.Round(t.Milliseconds)), PressRoomJson.Options),
            ["CharactersSent"] = JsonSerializer.Serialize(record.CharactersSentByProvider, PressRoomJson.Options),
            ["ReleaseJson"] = record.Blobs.GetValueOrDefault("release"),
            ["SourceTextBlob"] = record.Blobs.GetValueOrDefault("source"),
            ["EnglishTextBlob"] = record.Blobs.GetValueOrDefault("en"),
            ["ProcessedBy"] = record.ProcessedBy,
        };
        return row;
    }

    public static IEnumerable<TableEntity> Entities(string releaseId, string language, IReadOnlyList<ExtractedEntity> entities) =>
        entities.Select((e, i) => new TableEntity(TableKeys.Sanitize(releaseId), $"{language}-{i:D5}")
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

    public static IEnumerable<TableEntity> Index(ReleaseRecord record, IEnumerable<ExtractedEntity> entities) =>
        entities
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g => new TableEntity(TableKeys.Sanitize(g.Key), $"{TableKeys.NewestFirst(record.ReceivedAt)}-{TableKeys.Sanitize(record.ReleaseId)}")
            {
                ["SchemaVersion"] = ReleaseRecord.CurrentSchemaVersion,
                ["EntityKey"] = g.Key,
                ["ReleaseId"] = record.ReleaseId,
                ["Category"] = g.First().Category,
                ["Text"] = Clip(g.First().Text),
                ["English"] = Clip(g.Select(e => e.English).FirstOrDefault(n => n is not null)),
                ["Mentions"] = g.Count(),
                ["Title"] = Clip(record.Title),
                ["ReceivedAt"] = record.ReceivedAt,
            });

    static string? Clip(string? value) => value is null || value.Length <= MaxStringChars ? value : value[..MaxStringChars];
}
