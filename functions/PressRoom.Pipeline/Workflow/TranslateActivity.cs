using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// Translates title and paragraphs into one target language, stores the result and the plain text, then runs the
/// ExtractEntities stage on the translation (one activity call per language instead of two).
/// </summary>
public sealed class TranslateActivity(
    ReleaseArtifacts artifacts,
    ITranslationProvider provider,
    EntityExtractionStep extraction,
    ReleaseProgress progress,
    ILogger<TranslateActivity> logger) : PipelineActivity<TranslateInput, TranslationSummary>
{
    public override async Task<TranslationSummary> ExecuteAsync(TranslateInput input, CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow;
        await progress.MarkAsync(input.ReleaseId, TaskNames.Translate, cancellationToken);

        // The translation is stored before its entities are extracted, so a retry after a failed extraction (or a
        // crash) finds it and does not pay the translator again. Only a complete translation by the provider
        // configured now counts; anything else is translated again.
        var stored = await artifacts.TryReadJsonAsync<TranslationResult>(input.ReleaseId, ReleaseArtifacts.TranslationFile(input.TargetLanguage), cancellationToken);
        var reused = stored is { Status: TranslationStatus.Translated } && string.Equals(stored.Provider, provider.Name, StringComparison.Ordinal);
        var result = reused ? stored! : await TranslateAsync(input, cancellationToken);

        string? textBlob = null;
        string? text = null;
        if (result.Status == TranslationStatus.Translated)
        {
            var file = ReleaseArtifacts.TextFile(input.TargetLanguage);
            text = string.Join("\n\n", result.Paragraphs);
            await artifacts.WriteTextAsync(input.ReleaseId, file, text, cancellationToken);
            textBlob = ReleaseArtifacts.Pointer(input.ReleaseId, file);
        }

        var stages = new List<StageTiming> { new(TaskNames.Translate, start, DateTime.UtcNow) };
        logger.LogInformation(
            "Release {ReleaseId} translation to {TargetLanguage}: {Status} by {Provider} ({Characters} characters sent, reused {Reused})",
            input.ReleaseId, input.TargetLanguage, result.Status, result.Provider, result.CharactersSent, reused);

        EntitySummary? entities = null;
        if (text is not null)
        {
            await progress.MarkAsync(input.ReleaseId, TaskNames.ExtractEntities, cancellationToken);
            var (summary, timing) = await extraction.RunInsideAsync(input.ReleaseId, text, input.TargetLanguage, input.ReferenceDate, cancellationToken);
            entities = summary;
            stages.Add(timing);
        }

        return new TranslationSummary
        {
            TargetLanguage = input.TargetLanguage,
            Provider = result.Provider,
            Status = result.Status.ToString(),
            Reason = result.Reason,
            CharactersSent = result.CharactersSent,
            PromptTokens = result.PromptTokens,
            CompletionTokens = result.CompletionTokens,
            UntranslatedParagraphs = result.Issues.Count,
            TextBlob = textBlob,
            Entities = entities,
            Stages = stages,
        };
    }

    async Task<TranslationResult> TranslateAsync(TranslateInput input, CancellationToken cancellationToken)
    {
        var document = await artifacts.ReadJsonAsync<ReleaseDocument>(input.ReleaseId, ReleaseArtifacts.DocumentFile, cancellationToken);
        var paragraphs = new List<string>(document.Paragraphs.Count + 1) { document.Title };
        paragraphs.AddRange(document.Paragraphs);
        var result = await provider.TranslateAsync(new TranslationRequest(paragraphs, input.SourceLanguage, input.TargetLanguage), cancellationToken);
        await artifacts.WriteJsonAsync(input.ReleaseId, ReleaseArtifacts.TranslationFile(input.TargetLanguage), result, cancellationToken);
        return result;
    }
}
