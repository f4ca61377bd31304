using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;

namespace PressRoom.Pipeline.Workflow;

/// <summary>Extracts entities from the source text or from a translation and stores them as <c>entities.{lang}.json</c>.</summary>
public sealed class ExtractEntitiesActivity(
    ReleaseArtifacts artifacts,
    IEntityExtractor extractor,
    ReleaseProgress progress,
    ILogger<ExtractEntitiesActivity> logger) : PipelineActivity<ExtractInput, EntitySummary>
{
    public override async Task<EntitySummary> ExecuteAsync(ExtractInput input, CancellationToken cancellationToken)
    {
        await progress.MarkAsync(input.ReleaseId, TaskNames.ExtractEntities, cancellationToken);
        string text;
        if (input.IsSource)
        {
            text = (await artifacts.ReadJsonAsync<ReleaseDocument>(input.ReleaseId, ReleaseArtifacts.DocumentFile, cancellationToken)).Text;
        }
        else
        {
            var translation = await artifacts.ReadJsonAsync<TranslationResult>(input.ReleaseId, ReleaseArtifacts.TranslationFile(input.Language), cancellationToken);
            text = string.Join("\n\n", translation.Paragraphs);
        }

        var result = await extractor.ExtractAsync(new EntityRequest(text, input.Language, input.ReferenceDate), cancellationToken);
        await artifacts.WriteJsonAsync(
            input.ReleaseId,
            ReleaseArtifacts.EntitiesFile(input.Language),
            new EntityDocument(input.Language, result.Provider, result.Entities, result.Warnings),
            cancellationToken);

        logger.LogInformation("Release {ReleaseId}: {Count} entities in {Language} by {Provider}", input.ReleaseId, result.Entities.Count, input.Language, result.Provider);
        return new EntitySummary
        {
            Language = input.Language,
            Provider = result.Provider,
            Count = result.Entities.Count,
            ByCategory = result.Entities.GroupBy(e => e.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Warnings = result.Warnings,
            CharactersSent = result.CharactersSent,
            ModelVersion = result.ModelVersion,
        };
    }
}
