using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// The ExtractEntities stage: extracts the entities of one text and stores them as <c>entities.{lang}.json</c>.
/// ReadDocument runs it on the source text and Translate on each translation (one activity call less per text);
/// the version-1 ExtractEntities activity runs it for instances started before that change.
/// </summary>
public sealed class EntityExtractionStep(
    ReleaseArtifacts artifacts,
    IEntityExtractor extractor,
    ILogger<EntityExtractionStep> logger)
{
    /// <summary>Extracts and stores; returns the summary and the stage's interval on this machine's clock.</summary>
    public async Task<(EntitySummary Summary, StageTiming Timing)> RunAsync(
        string releaseId, string text, string language, DateOnly? referenceDate, CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow;
        var result = await extractor.ExtractAsync(new EntityRequest(text, language, referenceDate), cancellationToken);
        await artifacts.WriteJsonAsync(
            releaseId,
            ReleaseArtifacts.EntitiesFile(language),
            new EntityDocument(language, result.Provider, result.Entities, result.Warnings),
            cancellationToken);

        logger.LogInformation("Release {ReleaseId}: {Count} entities in {Language} by {Provider}", releaseId, result.Entities.Count, language, result.Provider);
        var summary = new EntitySummary
        {
            Language = language,
            Provider = result.Provider,
            Count = result.Entities.Count,
            ByCategory = result.Entities.GroupBy(e => e.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Warnings = result.Warnings,
            CharactersSent = result.CharactersSent,
            ModelVersion = result.ModelVersion,
        };
        return (summary, new StageTiming(TaskNames.ExtractEntities, start, DateTime.UtcNow));
    }

    /// <summary>
    /// Runs the stage inside another activity. A failure is wrapped in <see cref="EntityExtractionException"/> so the
    /// orchestrator records it under this stage (not the activity's) while keeping whether it was permanent.
    /// </summary>
    public async Task<(EntitySummary Summary, StageTiming Timing)> RunInsideAsync(
        string releaseId, string text, string language, DateOnly? referenceDate, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(releaseId, text, language, referenceDate, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not EntityExtractionException)
        {
            throw new EntityExtractionException(ex);
        }
    }
}
