using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;

namespace PressRoom.Pipeline.Workflow;

/// <summary>Translates title and paragraphs into one target language; stores the result and the plain text.</summary>
public sealed class TranslateActivity(
    ReleaseArtifacts artifacts,
    ITranslationProvider provider,
    ReleaseProgress progress,
    ILogger<TranslateActivity> logger) : PipelineActivity<TranslateInput, TranslationSummary>
{
    public override async Task<TranslationSummary> ExecuteAsync(TranslateInput input, CancellationToken cancellationToken)
    {
        await progress.MarkAsync(input.ReleaseId, TaskNames.Translate, cancellationToken);
        var document = await artifacts.ReadJsonAsync<ReleaseDocument>(input.ReleaseId, ReleaseArtifacts.DocumentFile, cancellationToken);
        var paragraphs = new List<string>(document.Paragraphs.Count + 1) { document.Title };
        paragraphs.AddRange(document.Paragraphs);

        var result = await provider.TranslateAsync(new TranslationRequest(paragraphs, input.SourceLanguage, input.TargetLanguage), cancellationToken);
        await artifacts.WriteJsonAsync(input.ReleaseId, ReleaseArtifacts.TranslationFile(input.TargetLanguage), result, cancellationToken);

        string? textBlob = null;
        if (result.Status == TranslationStatus.Translated)
        {
            var file = ReleaseArtifacts.TextFile(input.TargetLanguage);
            await artifacts.WriteTextAsync(input.ReleaseId, file, string.Join("\n\n", result.Paragraphs), cancellationToken);
            textBlob = ReleaseArtifacts.Pointer(input.ReleaseId, file);
        }

        logger.LogInformation(
            "Release {ReleaseId} translation to {TargetLanguage}: {Status} by {Provider} ({Characters} characters sent)",
            input.ReleaseId, input.TargetLanguage, result.Status, result.Provider, result.CharactersSent);
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
        };
    }
}
