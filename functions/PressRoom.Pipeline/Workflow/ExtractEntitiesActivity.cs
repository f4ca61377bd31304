using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// Version 1 of the workflow only (<see cref="TaskNames.ProcessReleaseV1"/>): extracts the entities of the source
/// text or of a translation as an activity of its own. Kept registered so instances in flight during an upgrade finish.
/// </summary>
public sealed class ExtractEntitiesActivity(
    ReleaseArtifacts artifacts,
    EntityExtractionStep extraction,
    ReleaseProgress progress) : PipelineActivity<ExtractInput, EntitySummary>
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

        return (await extraction.RunAsync(input.ReleaseId, text, input.Language, input.ReferenceDate, cancellationToken)).Summary;
    }
}
