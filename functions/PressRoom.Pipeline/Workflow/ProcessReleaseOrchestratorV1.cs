using Microsoft.DurableTask;
using PressRoom.Pipeline.Translation;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// Version 1 of the release workflow (<see cref="TaskNames.ProcessReleaseV1"/>), frozen: ReadDocument → Translate
/// (fan-out) → ExtractEntities (source and each translation, one activity each) → SaveResults. New releases start
/// under <see cref="ProcessReleaseOrchestrator"/>; this stays registered so that instances started before the upgrade
/// replay against the code that wrote their histories and finish. Do not change it; delete it (with
/// <see cref="ExtractEntitiesActivity"/>) once no instance of it runs (docs/architecture.md, "Versions").
/// </summary>
public sealed class ProcessReleaseOrchestratorV1 : TaskOrchestrator<ReleaseInput, ReleaseOutcome>
{
    static readonly TaskOptions Retry = ProcessReleaseOrchestrator.Retry;

    public override Task<ReleaseOutcome> RunAsync(TaskOrchestrationContext context, ReleaseInput input) => RunWorkflowAsync(context, input);

    /// <summary>Entry point shared with the Functions app's <c>[OrchestrationTrigger]</c> of the same name.</summary>
    public static async Task<ReleaseOutcome> RunWorkflowAsync(TaskOrchestrationContext context, ReleaseInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var started = context.CurrentUtcDateTime;
        var timings = new List<StageTiming>();
        var stage = TaskNames.ReadDocument;
        try
        {
            context.SetCustomStatus(new StageStatus(stage));
            var document = await TimedAsync(context, timings, stage, () => context.CallAsync(PipelineTasks.ReadDocument, input, Retry));
            if (document.Rejected)
            {
                stage = TaskNames.SaveResults;
                return await ProcessReleaseOrchestrator.SaveAsync(context, new SaveInput { Release = input, Document = document, Timings = timings, StartedAt = started, CompletedAt = context.CurrentUtcDateTime });
            }

            // The language was detected while the document was read; its time is a stage inside the read's interval.
            var language = document.Language ?? new LanguageDetection("und", "Zyyy", 0);
            var readEnd = timings[^1].End;
            timings.Add(new StageTiming(TaskNames.DetectLanguage, readEnd - TimeSpan.FromMilliseconds(document.DetectLanguageMilliseconds), readEnd));

            stage = TaskNames.Translate;
            context.SetCustomStatus(new StageStatus(stage));
            var targets = input.TargetLanguages.Where(t => !string.Equals(t, language.Language, StringComparison.OrdinalIgnoreCase)).ToList();
            var translations = await TimedAsync(context, timings, stage, () => Task.WhenAll(targets.Select(target =>
                context.CallAsync(PipelineTasks.Translate, new TranslateInput(input.ReleaseId, language.Language, target), Retry))));

            stage = TaskNames.ExtractEntities;
            context.SetCustomStatus(new StageStatus(stage));
            var extractions = new List<ExtractInput> { new(input.ReleaseId, language.Language, IsSource: true, document.DatelineDate) };
            extractions.AddRange(translations.Where(t => t.Status == nameof(TranslationStatus.Translated)).Select(t => new ExtractInput(input.ReleaseId, t.TargetLanguage, IsSource: false, document.DatelineDate)));
            var entities = await TimedAsync(context, timings, stage, () => Task.WhenAll(extractions.Select(e =>
                context.CallAsync(PipelineTasks.ExtractEntities, e, Retry))));

            stage = TaskNames.SaveResults;
            return await ProcessReleaseOrchestrator.SaveAsync(context, new SaveInput
            {
                Release = input,
                Document = document,
                Language = language,
                Translations = translations,
                Entities = entities,
                Timings = timings,
                StartedAt = started,
                CompletedAt = context.CurrentUtcDateTime,
            });
        }
        catch (TaskFailedException ex)
        {
            await ProcessReleaseOrchestrator.RecordFailureAsync(context, input, stage, timings, ex.FailureDetails);

            // Rethrow so the instance shows as Failed to admins and can be restarted as is.
            throw;
        }
    }


    static async Task<T> TimedAsync<T>(TaskOrchestrationContext context, List<StageTiming> timings, string stage, Func<Task<T>> run)
    {
        var start = context.CurrentUtcDateTime;
        var result = await run();
        timings.Add(new StageTiming(stage, start, context.CurrentUtcDateTime));
        return result;
    }
}
