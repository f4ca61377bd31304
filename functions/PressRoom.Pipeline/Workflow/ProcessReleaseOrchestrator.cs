using Microsoft.DurableTask;
using PressRoom.Pipeline.Translation;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// The release workflow: ReadDocument (which detects the language) → Translate (fan-out per target language)
/// → ExtractEntities (source and each translation, in parallel) → SaveResults.
/// Deterministic: time comes from the orchestration clock, I/O only from activities.
/// </summary>
public sealed class ProcessReleaseOrchestrator : TaskOrchestrator<ReleaseInput, ReleaseOutcome>
{
    /// <summary>Target languages are part of the input so replays see the same plan.</summary>
    public static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 4,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        HandleFailure = failure => !IsPermanent(failure),
    });

    /// <summary>
    /// True when an activity failed with a <see cref="PermanentFailureException"/>. <c>IsCausedBy</c> resolves the
    /// failure's type by name and throws when the name is ambiguous (HttpRequestException exists in two loaded
    /// assemblies), which used to fail the whole orchestration on the commonest transient error; such a failure is
    /// not ours, so it is retried.
    /// </summary>
    public static bool IsPermanent(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        try
        {
            return failure.IsCausedBy<PermanentFailureException>();
        }
        catch (Exception)
        {
            return string.Equals(failure.ErrorType, typeof(PermanentFailureException).FullName, StringComparison.Ordinal);
        }
    }

    /// <summary>True when a read was parked after too many unfinished attempts (<see cref="PoisonReleaseException"/>).</summary>
    public static bool IsPoison(TaskFailureDetails failure) =>
        string.Equals(failure?.ErrorType, typeof(PoisonReleaseException).FullName, StringComparison.Ordinal);

    public override Task<ReleaseOutcome> RunAsync(TaskOrchestrationContext context, ReleaseInput input) => RunWorkflowAsync(context, input);

    /// <summary>Entry point shared with the Functions app's <c>[OrchestrationTrigger]</c>.</summary>
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
                context.SetCustomStatus(new StageStatus(stage));
                return await context.CallAsync(
                    PipelineTasks.SaveResults,
                    new SaveInput { Release = input, Document = document, Timings = timings, StartedAt = started, CompletedAt = context.CurrentUtcDateTime },
                    Retry);
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
            context.SetCustomStatus(new StageStatus(stage));
            var save = new SaveInput
            {
                Release = input,
                Document = document,
                Language = language,
                Translations = translations,
                Entities = entities,
                Timings = timings,
                StartedAt = started,
                CompletedAt = context.CurrentUtcDateTime,
            };
            var outcome = await context.CallAsync(PipelineTasks.SaveResults, save, Retry);
            context.SetCustomStatus(new StageStatus(StageStatus.Done));
            return outcome;
        }
        catch (TaskFailedException ex)
        {
            var failure = ex.FailureDetails;
            var reason = IsPoison(failure) ? PoisonReleaseException.Code : IsPermanent(failure) ? FailureReasons.ProviderRejected : FailureReasons.StageFailed;
            context.SetCustomStatus(new StageStatus(stage, reason));
            await context.CallAsync(
                PipelineTasks.RecordFailure,
                new FailureInput(input, stage, reason, failure.ErrorMessage, timings),
                Retry);

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
