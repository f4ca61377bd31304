using PressRoom.Pipeline.Telemetry;
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

        var document = await artifacts.ReadJsonAsync<ReleaseDocument>(release.ReleaseId, ReleaseArtifacts.DocumentFile, cancellationToken);
        var entities = new Dictionary<string, IReadOnlyList<ExtractedEntity>>(StringComparer.Ordinal);
        foreach (var summary in input.Entities)
        {
            var stored = await artifacts.ReadJsonAsync<EntityDocument>(release.ReleaseId, ReleaseArtifacts.EntitiesFile(summary.Language), cancellationToken);
            entities[summary.Language] = stored.Entities;
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

        // Names the chat translation reported fill English names the entity records lack (marked as from the translation).
        if (english is { Names.Count: > 0 } && input.Language?.Language is { } named && entities.TryGetValue(named, out var unnamed))
        {
            entities[named] = TranslatedNameFiller.Fill(unnamed, english.Names);
        }

        // Bilingual entities: a source mention and its English counterpart share one key and both surface forms.
        if (english is not null && input.Language?.Language is { } sourceLanguage
            && entities.TryGetValue(sourceLanguage, out var sourceEntities) && entities.TryGetValue("en", out var englishEntities))
        {
            var merged = BilingualEntityMerger.Merge(document.Text, [document.Title, .. document.Paragraphs], sourceEntities, english, englishEntities);
            entities[sourceLanguage] = merged.Source;
            entities["en"] = merged.English;
            logger.LogInformation(
                "Release {ReleaseId}: {ByAlignment} entities paired through alignment, {ByName} by name",
                release.ReleaseId, merged.PairedByAlignment, merged.PairedByName);
        }

        var sourceFile = ReleaseArtifacts.TextFile("source");
        await artifacts.WriteTextAsync(release.ReleaseId, sourceFile, document.Text, cancellationToken);
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
            Paragraphs = document.Paragraphs.Count,
            ReceivedAt = release.ReceivedAt,
            StartedAt = input.StartedAt,
            CompletedAt = input.CompletedAt,
            Translations = input.Translations,
            EntitySummaries = input.Entities,
            Entities = entities,
            Timings = input.Timings,
            Blobs = blobs,
            CharactersSentByProvider = Usage(input),
            TokensByProvider = Tokens(input),
            ProcessedBy = WorkerIdentity.Current,
        };

        // Rows, indexes, release.json, versioning and the one event: see ReleaseLifecycle.
        await lifecycle.RecordOutcomeAsync(record, cancellationToken);
        logger.LogInformation("Release {ReleaseId} saved: {EntityCount} entities", release.ReleaseId, entities.Values.Sum(l => l.Count));
        var outcome = new ReleaseOutcome(release.ReleaseId, ReleaseStatus.Completed, EntityCount: entities.Values.Sum(l => l.Count));
        PressRoomTelemetry.RecordEnd(release, outcome, input.Timings, input.StartedAt, input.CompletedAt, ProviderUsage(input));
        foreach (var (provider, tokens) in record.TokensByProvider)
        {
            PressRoomTelemetry.RecordTokens(provider, tokens.Prompt, tokens.Completion);
        }

        return outcome;
    }

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
