using Microsoft.DurableTask;
using PressRoom.Pipeline.Translation;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// The release workflow (<see cref="TaskNames.ProcessRelease"/>, version 2): ReadDocument (which detects the language
/// and extracts the source text's entities) → Translate (fan-out per target language; each extracts its
/// translation's entities) → SaveResults. Three activity calls for a release with one target language instead of five:
/// every call is a history load, a queue round trip and history writes. The stage timeline keeps its stages: the
/// activities time what they ran inside and return it. Deterministic: time comes from the orchestration clock and
/// from activity results, I/O only from activities.
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
    /// True when an activity failed with a <see cref="PermanentFailureException"/>, directly or as the cause of an
    /// <see cref="EntityExtractionException"/> (the stage inside ReadDocument and Translate). <c>IsCausedBy</c> resolves the
    /// failure's type by name and throws when the name is ambiguous (HttpRequestException exists in two loaded
    /// assemblies), which used to fail the whole orchestration on the commonest transient error; such a failure is
    /// not ours, so it is retried.
    /// </summary>
    public static bool IsPermanent(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        for (var current = failure; current is not null; current = IsExtraction(current) ? current.InnerFailure : null)
        {
            if (IsPermanentItself(current))
            {
                return true;
            }
        }

        return false;
    }

    static bool IsPermanentItself(TaskFailureDetails failure)
    {
        try
        {
            return failure.IsCausedBy<PermanentFailureException>();
        }
        catch (Exception)
        {
            return string.Equals(failure.ErrorType, typeof(PermanentFailureException).FullName, StringComparison.Ordinal);
        }
    }

    static bool IsExtraction(TaskFailureDetails failure) =>
        string.Equals(failure.ErrorType, typeof(EntityExtractionException).FullName, StringComparison.Ordinal);

    /// <summary>The stage a failure is recorded under: the activity's, or ExtractEntities when that stage inside it failed.</summary>
    public static string FailedStage(TaskFailureDetails failure, string activityStage) =>
        failure is not null && IsExtraction(failure) ? TaskNames.ExtractEntities : activityStage;

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
            var document = await context.CallAsync(PipelineTasks.ReadDocument, input, Retry);

            // The read's interval starts when it was scheduled (queue wait included, as every stage's) and ends when
            // the activity finished reading; the source's extraction after it is the activity's own ExtractEntities.
            var readEnd = Clamp(StageOf(document.Stages, TaskNames.ReadDocument)?.End, started, context.CurrentUtcDateTime);
            timings.Add(new StageTiming(TaskNames.ReadDocument, started, readEnd));
            if (document.Rejected)
            {
                stage = TaskNames.SaveResults;
                return await SaveAsync(context, new SaveInput { Release = input, Document = document, Timings = timings, StartedAt = started, CompletedAt = context.CurrentUtcDateTime });
            }

            // The language was detected while the document was read; its time is a stage inside the read's interval.
            var language = document.Language ?? new LanguageDetection("und", "Zyyy", 0);
            timings.Add(new StageTiming(TaskNames.DetectLanguage, readEnd - TimeSpan.FromMilliseconds(document.DetectLanguageMilliseconds), readEnd));

            stage = TaskNames.Translate;
            context.SetCustomStatus(new StageStatus(stage));
            var translateStart = context.CurrentUtcDateTime;
            var targets = input.TargetLanguages.Where(t => !string.Equals(t, language.Language, StringComparison.OrdinalIgnoreCase)).ToList();
            var translations = await Task.WhenAll(targets.Select(target =>
                context.CallAsync(PipelineTasks.Translate, new TranslateInput(input.ReleaseId, language.Language, target, document.DatelineDate), Retry)));
            var translateEnd = translations.Select(t => StageOf(t.Stages, TaskNames.Translate)?.End).Max();
            timings.Add(new StageTiming(TaskNames.Translate, translateStart, Clamp(translateEnd, translateStart, context.CurrentUtcDateTime)));

            // Extraction ran inside the activities (source after the read, each translation after it was stored).
            // The stage's interval is the extraction that finished last: the one the release waited for.
            var extractions = new[] { StageOf(document.Stages, TaskNames.ExtractEntities) }
                .Concat(translations.Select(t => StageOf(t.Stages, TaskNames.ExtractEntities)))
                .OfType<StageTiming>()
                .ToList();
            if (extractions.Count > 0)
            {
                timings.Add(extractions.MaxBy(e => e.End)!);
            }

            var entities = new[] { document.Entities }.Concat(translations.Select(t => t.Entities)).OfType<EntitySummary>().ToList();
            stage = TaskNames.SaveResults;
            return await SaveAsync(context, new SaveInput
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
            await RecordFailureAsync(context, input, stage, timings, ex.FailureDetails);

            // Rethrow so the instance shows as Failed to admins and can be restarted as is.
            throw;
        }
    }

    /// <summary>The last step of both workflow versions: save, then mark the instance done.</summary>
    internal static async Task<ReleaseOutcome> SaveAsync(TaskOrchestrationContext context, SaveInput save)
    {
        context.SetCustomStatus(new StageStatus(TaskNames.SaveResults));
        var outcome = await context.CallAsync(PipelineTasks.SaveResults, save, Retry);
        context.SetCustomStatus(new StageStatus(StageStatus.Done));
        return outcome;
    }

    /// <summary>
    /// Records a failed stage once, with its reason code: the stage inside an activity when extraction failed there,
    /// and that failure's own message.
    /// </summary>
    internal static async Task RecordFailureAsync(TaskOrchestrationContext context, ReleaseInput input, string stage, List<StageTiming> timings, TaskFailureDetails failure)
    {
        var failedStage = FailedStage(failure, stage);
        var reason = IsPoison(failure) ? PoisonReleaseException.Code : IsPermanent(failure) ? FailureReasons.ProviderRejected : FailureReasons.StageFailed;
        context.SetCustomStatus(new StageStatus(failedStage, reason));
        var message = failedStage == stage ? failure.ErrorMessage : failure.InnerFailure?.ErrorMessage ?? failure.ErrorMessage;
        await context.CallAsync(PipelineTasks.RecordFailure, new FailureInput(input, failedStage, reason, message, timings), Retry);
    }

    static StageTiming? StageOf(IReadOnlyList<StageTiming>? stages, string name) =>
        stages?.LastOrDefault(s => string.Equals(s.Stage, name, StringComparison.Ordinal));

    /// <summary>
    /// An end reported by an activity (another machine's clock), kept inside [start, now] of the orchestration clock so
    /// a skewed clock cannot make a stage negative or end in the future.
    /// </summary>
    static DateTime Clamp(DateTime? end, DateTime start, DateTime now) =>
        end is not { } value ? now : value < start ? start : value > now ? now : value;
}
