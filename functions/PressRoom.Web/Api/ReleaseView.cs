using Azure.Data.Tables;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Web;

/// <summary>
/// <c>GET /api/releases/{id}</c>: one release shaped for a page. The source and every translation carry the title and
/// paragraphs (a translation has as many paragraphs as the source, in the same order); entities are listed per language
/// with offsets into that language's text (title and paragraphs joined by blank lines, as served by <c>/text</c>) and
/// the paragraph they fall in.
/// </summary>
public sealed record ReleaseView
{
    public string SchemaVersion { get; init; } = ReleaseRecord.CurrentSchemaVersion;
    public required string ReleaseId { get; init; }
    public required string DocumentId { get; init; }
    public required string Status { get; init; }
    public string? ReasonCode { get; init; }
    public string? Reason { get; init; }
    public string? Supersedes { get; init; }
    public string? SupersededBy { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
    public required string SourceBlob { get; init; }
    public string? Format { get; init; }
    public string? Language { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTime? CompletedAt { get; init; }

    /// <summary>"source" and each translated language → title.</summary>
    public IReadOnlyDictionary<string, string?> Title { get; init; } = new Dictionary<string, string?>();
    public Dateline? Dateline { get; init; }
    public TextView? Source { get; init; }
    public IReadOnlyList<TranslationView> Translations { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<EntityView>> Entities { get; init; } = new Dictionary<string, IReadOnlyList<EntityView>>();
    public required ReleaseLinks Links { get; init; }
}

public sealed record TextView(string? Language, string Title, IReadOnlyList<string> Paragraphs, string TextUrl);

public sealed record TranslationView(
    string Language,
    string Status,
    string? Reason,
    string Provider,
    string? Title,
    IReadOnlyList<string> Paragraphs,
    string? TextUrl);

/// <param name="Paragraph">Index into the paragraphs; null when the entity is in the title (or could not be placed).</param>
/// <param name="ParagraphOffset">Offset inside the title or that paragraph.</param>
public sealed record EntityView(
    string Key,
    string Category,
    string? Subcategory,
    string Text,
    string? English,
    string? Value,
    int Offset,
    int Length,
    bool InTitle,
    int? Paragraph,
    int? ParagraphOffset,
    double Confidence,
    string Provider,
    IReadOnlyDictionary<string, string>? Attributes);

public sealed record ReleaseLinks(
    string Self,
    string Status,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyDictionary<string, string> Blobs);

/// <summary>Builds a <see cref="ReleaseView"/> from release.json, document.json and the translations (all blobs).</summary>
public sealed class ReleaseViewBuilder(ReleaseArtifacts artifacts)
{
    public async Task<ReleaseView> BuildAsync(ReleaseRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var releaseId = row.Id;
        var record = await artifacts.TryReadJsonAsync<ReleaseRecord>(releaseId, ReleaseArtifacts.ReleaseFile, cancellationToken);
        var self = $"{ApiRoutes.Prefix}/releases/{releaseId}";
        if (record is null)
        {
            // Received, not processed yet: what the row knows.
            return new ReleaseView
            {
                ReleaseId = releaseId,
                DocumentId = row.DocumentId ?? row.PartitionKey,
                Status = row.Status ?? ReleaseStatus.Received,
                SourceBlob = row.SourceBlob ?? string.Empty,
                ReceivedAt = row.ReceivedAt ?? DateTimeOffset.MinValue,
                WithdrawnAt = row.WithdrawnAt,
                Links = new ReleaseLinks(self, self + "/status", new Dictionary<string, string>(), new Dictionary<string, string>
                {
                    ["original"] = $"{StorageNames.ReleasesContainer}/{row.SourceBlob}",
                }),
            };
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        TextView? source = null;
        var blocks = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (record.Status is not (ReleaseStatus.Rejected or ReleaseStatus.Failed)
            && await artifacts.TryReadJsonAsync<ReleaseDocument>(releaseId, ReleaseArtifacts.DocumentFile, cancellationToken) is { } document)
        {
            var language = record.Language ?? "source";
            texts[language] = $"{self}/text?lang={language}";
            source = new TextView(record.Language, document.Title, document.Paragraphs, texts[language]);
            IReadOnlyList<string> sourceBlocks = [document.Title, .. document.Paragraphs];
            if (string.Join("\n\n", sourceBlocks) == document.Text)
            {
                blocks[language] = sourceBlocks;
            }
        }

        var translations = new List<TranslationView>();
        foreach (var summary in record.Translations)
        {
            var result = summary.Status == nameof(TranslationStatus.Translated)
                ? await artifacts.TryReadJsonAsync<TranslationResult>(releaseId, ReleaseArtifacts.TranslationFile(summary.TargetLanguage), cancellationToken)
                : null;
            string? url = null;
            if (result is { Paragraphs.Count: > 0 })
            {
                url = $"{self}/text?lang={summary.TargetLanguage}";
                texts[summary.TargetLanguage] = url;
                blocks[summary.TargetLanguage] = result.Paragraphs;
            }

            translations.Add(new TranslationView(
                summary.TargetLanguage,
                summary.Status,
                summary.Reason,
                summary.Provider,
                result?.Paragraphs.FirstOrDefault(),
                result is null ? [] : result.Paragraphs.Skip(1).ToList(),
                url));
        }

        var titles = new Dictionary<string, string?>(StringComparer.Ordinal) { ["source"] = record.Title };
        foreach (var (language, title) in record.TranslatedTitles)
        {
            titles[language] = title;
        }

        return new ReleaseView
        {
            ReleaseId = record.ReleaseId,
            DocumentId = record.DocumentId,
            Status = record.Status,
            ReasonCode = record.ReasonCode,
            Reason = record.Reason,
            Supersedes = record.Supersedes,
            SupersededBy = record.SupersededBy,
            WithdrawnAt = record.WithdrawnAt,
            SourceBlob = record.SourceBlob,
            Format = record.Format,
            Language = record.Language,
            ReceivedAt = record.ReceivedAt,
            CompletedAt = record.CompletedAt,
            Title = titles,
            Dateline = record.Dateline,
            Source = source,
            Translations = translations,
            Entities = record.Entities.ToDictionary(
                kv => kv.Key,
                kv => (IReadOnlyList<EntityView>)kv.Value.Select(e => View(e, blocks.GetValueOrDefault(kv.Key))).ToList(),
                StringComparer.Ordinal),
            Links = new ReleaseLinks(self, self + "/status", texts, record.Blobs),
        };
    }

    static EntityView View(ExtractedEntity entity, IReadOnlyList<string>? blocks)
    {
        var (inTitle, paragraph, offset) = Locate(blocks, entity.Offset);
        return new EntityView(
            entity.Key, entity.Category, entity.Subcategory, entity.Text, entity.English, entity.Value,
            entity.Offset, entity.Length, inTitle, paragraph, offset, entity.Confidence, entity.Provider, entity.Attributes);
    }

    /// <summary>Finds the block (0 = title) an offset of the joined text falls in.</summary>
    internal static (bool InTitle, int? Paragraph, int? Offset) Locate(IReadOnlyList<string>? blocks, int offset)
    {
        if (blocks is null)
        {
            return (false, null, null);
        }

        int start = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (offset >= start && offset < start + blocks[i].Length)
            {
                return i == 0 ? (true, null, offset) : (false, i - 1, offset - start);
            }

            start += blocks[i].Length + 2;
        }

        return (false, null, null);
    }
}
