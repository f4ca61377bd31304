using PressRoom.Pipeline.Telemetry;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.Entities.Bilingual;
using PressRoom.Pipeline.Translation.Chat;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// Writes the results of a release: <c>release.json</c>, the source and English text, the <c>Releases</c>,
/// <c>ReleaseEntities</c> and <c>EntityIndex</c> rows, and one event. Every write is an idempotent upsert.
/// </summary>
public sealed class SaveResultsActivity(
    ReleaseArtifacts artifacts,
    ReleaseLifecycle lifecycle,
    ILogger<SaveResultsActivity> logger) : PipelineActivity<SaveInput, ReleaseOutcome>
{
    public override async Task<ReleaseOutcome> ExecuteAsync(SaveInput input, CancellationToken cancellationToken)
    {
        var release = input.Release;
        if (input.Document.Rejected)
        {
            return await SaveRejectionAsync(input, cancellationToken);
        }

        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        TranslationResult? english = null;
        foreach (var translation in input.Translations.Where(t => t.Status == nameof(TranslationStatus.Translated)))
        {
            var result = await artifacts.ReadJsonAsync<TranslationResult>(release.ReleaseId, ReleaseArtifacts.TranslationFile(translation.TargetLanguage), cancellationToken);
            if (result.Paragraphs.Count > 0)
            {
                titles[translation.TargetLanguage] = result.Paragraphs[0];
            }

            english = translation.TargetLanguage == "en" ? result : english;
        }

        var languages = input.Entities.Select(e => e.Language).ToList();
        var sourceLanguage = input.Language?.Language;
        bool fillNames = english is { Names.Count: > 0 } && sourceLanguage is not null && languages.Contains(sourceLanguage);
        bool merge = english is not null && sourceLanguage is not null && languages.Contains(sourceLanguage) && languages.Contains("en");
        ReleaseMentions mentions;
        DocumentText document;
        if (fillNames || merge)
        {
            (document, mentions) = await ReadAndPairAsync(input, english!, sourceLanguage!, cancellationToken);
        }
        else
        {
            // Nothing changes the stored mentions: they are streamed from entities.{lang}.json into release.json and the
            // entity tables, and the document is read without its paragraphs (their count is in the summary), so a
            // large release is never held whole (docs/benchmarks.md, "issue 17, merged main").
            // When the read stored the source text, the text is streamed past too (read: one buffer, never a string).
            var text = input.Document.SourceTextStored
                ? await artifacts.TryReadJsonWithoutAsync<DocumentText>(release.ReleaseId, ReleaseArtifacts.DocumentFile, TextAndParagraphs, cancellationToken)
                    ?? throw new InvalidDataException($"{ReleaseArtifacts.PathOf(release.ReleaseId, ReleaseArtifacts.DocumentFile)} does not exist.")
                : await artifacts.ReadJsonAsync<DocumentText>(release.ReleaseId, ReleaseArtifacts.DocumentFile, cancellationToken);
            document = text with { ParagraphCount = input.Document.Paragraphs, CharacterCount = text.Text?.Length ?? input.Document.Characters };
            mentions = ReleaseMentions.Stored(artifacts, release.ReleaseId, languages, input.Entities.Sum(e => e.Count));
        }

        var sourceFile = ReleaseArtifacts.TextFile("source");
        if (!input.Document.SourceTextStored && document.Text is { } sourceText)
        {
            await artifacts.WriteTextAsync(release.ReleaseId, sourceFile, sourceText, cancellationToken);
        }

        var blobs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["original"] = $"{StorageNames.ReleasesContainer}/{release.BlobName}",
            ["release"] = ReleaseArtifacts.Pointer(release.ReleaseId, ReleaseArtifacts.ReleaseFile),
            ["document"] = ReleaseArtifacts.Pointer(release.ReleaseId, ReleaseArtifacts.DocumentFile),
            ["source"] = ReleaseArtifacts.Pointer(release.ReleaseId, sourceFile),
        };
        foreach (var translation in input.Translations.Where(t => t.TextBlob is not null))
        {
            blobs[translation.TargetLanguage] = translation.TextBlob!;
        }

        var record = new ReleaseRecord
        {
            ReleaseId = release.ReleaseId,
            DocumentId = release.DocumentId,
            SourceBlob = release.BlobName,
            ContentSha256 = release.ContentSha256,
            Status = ReleaseStatus.Completed,
            Format = document.Format,
            Language = input.Language?.Language,
            Script = input.Language?.Script,
            LanguageConfidence = input.Language?.Confidence,
            Title = document.Title,
            TranslatedTitles = titles,
            Dateline = document.Dateline,
            Characters = document.CharacterCount,
            Paragraphs = document.ParagraphCount,
            ReceivedAt = release.ReceivedAt,
            StartedAt = input.StartedAt,
            CompletedAt = input.CompletedAt,
            Translations = input.Translations,
            EntitySummaries = input.Entities,
            StreamedEntityCount = mentions.Count,
            Timings = input.Timings,
            Blobs = blobs,
            CharactersSentByProvider = Usage(input),
            TokensByProvider = Tokens(input),
            ProcessedBy = WorkerIdentity.Current,
        };

        // Rows, indexes, release.json, versioning and the one event: see ReleaseLifecycle.
        var saved = await lifecycle.RecordOutcomeAsync(record, mentions, cancellationToken);
        logger.LogInformation("Release {ReleaseId} saved: {EntityCount} entities", release.ReleaseId, saved.EntityCount);
        var outcome = new ReleaseOutcome(release.ReleaseId, ReleaseStatus.Completed, EntityCount: saved.EntityCount);
        PressRoomTelemetry.RecordEnd(release, outcome, input.Timings, input.StartedAt, input.CompletedAt, ProviderUsage(input));
        foreach (var (provider, tokens) in record.TokensByProvider)
        {
            PressRoomTelemetry.RecordTokens(provider, tokens.Prompt, tokens.Completion);
        }

        return outcome;
    }

    /// <summary>
    /// The path that changes mentions (names from the chat translation, bilingual pairing): every mention of both
    /// languages and the whole document are held, because pairing aligns them across the paragraphs.
    /// </summary>
    async Task<(DocumentText Document, ReleaseMentions Mentions)> ReadAndPairAsync(SaveInput input, TranslationResult english, string sourceLanguage, CancellationToken cancellationToken)
    {
        var release = input.Release;
        var document = await artifacts.ReadJsonAsync<ReleaseDocument>(release.ReleaseId, ReleaseArtifacts.DocumentFile, cancellationToken);
        var entities = new Dictionary<string, IReadOnlyList<ExtractedEntity>>(StringComparer.Ordinal);
        foreach (var summary in input.Entities)
        {
            var stored = await artifacts.ReadJsonAsync<EntityDocument>(release.ReleaseId, ReleaseArtifacts.EntitiesFile(summary.Language), cancellationToken);
            entities[summary.Language] = stored.Entities;
        }

        // Names the chat translation reported fill English names the entity records lack (marked as from the translation).
        if (english.Names.Count > 0 && entities.TryGetValue(sourceLanguage, out var unnamed))
        {
            entities[sourceLanguage] = TranslatedNameFiller.Fill(unnamed, english.Names);
        }

        // Bilingual entities: a source mention and its English counterpart share one key and both surface forms.
        if (entities.TryGetValue(sourceLanguage, out var sourceEntities) && entities.TryGetValue("en", out var englishEntities))
        {
            var merged = BilingualEntityMerger.Merge(document.Text, [document.Title, .. document.Paragraphs], sourceEntities, english, englishEntities);
            entities[sourceLanguage] = merged.Source;
            entities["en"] = merged.English;
            logger.LogInformation(
                "Release {ReleaseId}: {ByAlignment} entities paired through alignment, {ByName} by name",
                release.ReleaseId, merged.PairedByAlignment, merged.PairedByName);
        }

        var text = new DocumentText
        {
            Title = document.Title,
            Dateline = document.Dateline,
            Text = document.Text,
            Format = document.Format,
            ParagraphCount = document.Paragraphs.Count,
            CharacterCount = document.CharacterCount,
        };
        return (text, ReleaseMentions.Held(entities));
    }

    /// <summary>The fields of document.json the save uses; read without the paragraphs (a second copy of the text).</summary>
    sealed record DocumentText
    {
        public required string Title { get; init; }
        public Dateline? Dateline { get; init; }
        public string? Text { get; init; }
        public required string Format { get; init; }

        [JsonIgnore]
        public int ParagraphCount { get; init; }

        [JsonIgnore]
        public int CharacterCount { get; init; }
    }

    /// <summary>The fields of document.json left out when the read stored the text already (both copies of the text).</summary>
    static readonly IReadOnlySet<string> TextAndParagraphs = new HashSet<string>(StringComparer.Ordinal) { "text", "paragraphs" };

    async Task<ReleaseOutcome> SaveRejectionAsync(SaveInput input, CancellationToken cancellationToken)
    {
        var release = input.Release;
        var record = ReleaseRecord.For(release, ReleaseStatus.Rejected) with
        {
            ReasonCode = input.Document.ReasonCode,
            Reason = input.Document.ReasonMessage,
            StartedAt = input.StartedAt,
            CompletedAt = input.CompletedAt,
            Timings = input.Timings,
        };
        await lifecycle.RecordOutcomeAsync(record, cancellationToken);
        var outcome = new ReleaseOutcome(release.ReleaseId, ReleaseStatus.Rejected, input.Document.ReasonCode, input.Document.ReasonMessage);
        PressRoomTelemetry.RecordEnd(release, outcome, input.Timings, input.StartedAt, input.CompletedAt, []);
        return outcome;
    }

    static IEnumerable<(string Provider, long Characters)> ProviderUsage(SaveInput input) =>
        input.Translations.Select(t => (t.Provider, t.CharactersSent)).Concat(input.Entities.Select(e => (e.Provider, e.CharactersSent)));

    static Dictionary<string, TokenUsage> Tokens(SaveInput input) =>
        input.Translations.Where(t => t.PromptTokens + t.CompletionTokens > 0)
            .GroupBy(t => t.Provider, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new TokenUsage(g.Sum(t => t.PromptTokens), g.Sum(t => t.CompletionTokens)), StringComparer.Ordinal);

    static Dictionary<string, long> Usage(SaveInput input)
    {
        var usage = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (provider, characters) in input.Translations.Select(t => (t.Provider, t.CharactersSent))
                     .Concat(input.Entities.Select(e => (e.Provider, e.CharactersSent))))
        {
            usage[provider] = usage.GetValueOrDefault(provider) + characters;
        }

        return usage;
    }
}
