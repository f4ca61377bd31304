using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Functions;

/// <summary>The orchestration and its activities as Functions: each is one line over the pipeline class of the same name.</summary>
public sealed class ProcessReleaseFunctions(
    ReadDocumentActivity readDocument,
    TranslateActivity translate,
    ExtractEntitiesActivity extractEntities,
    SaveResultsActivity saveResults,
    RecordFailureActivity recordFailure)
{
    [Function(TaskNames.ProcessRelease)]
    public static Task<ReleaseOutcome> ProcessRelease([OrchestrationTrigger] TaskOrchestrationContext context) =>
        ProcessReleaseOrchestrator.RunWorkflowAsync(context, context.GetInput<ReleaseInput>()!);

    /// <summary>Version 1, kept until the instances started before the upgrade have finished (docs/architecture.md).</summary>
    [Function(TaskNames.ProcessReleaseV1)]
    public static Task<ReleaseOutcome> ProcessReleaseV1([OrchestrationTrigger] TaskOrchestrationContext context) =>
        ProcessReleaseOrchestratorV1.RunWorkflowAsync(context, context.GetInput<ReleaseInput>()!);

    [Function(TaskNames.ReadDocument)]
    public Task<DocumentSummary> ReadDocument([ActivityTrigger] ReleaseInput input, FunctionContext context) =>
        readDocument.RunTracedAsync(input, null, TaskNames.ReadDocument, context.CancellationToken);

    [Function(TaskNames.Translate)]
    public Task<TranslationSummary> Translate([ActivityTrigger] TranslateInput input, FunctionContext context) =>
        translate.RunTracedAsync(input, null, TaskNames.Translate, context.CancellationToken);

    [Function(TaskNames.ExtractEntities)]
    public Task<EntitySummary> ExtractEntities([ActivityTrigger] ExtractInput input, FunctionContext context) =>
        extractEntities.RunTracedAsync(input, null, TaskNames.ExtractEntities, context.CancellationToken);

    [Function(TaskNames.SaveResults)]
    public Task<ReleaseOutcome> SaveResults([ActivityTrigger] SaveInput input, FunctionContext context) =>
        saveResults.RunTracedAsync(input, null, TaskNames.SaveResults, context.CancellationToken);

    [Function(TaskNames.RecordFailure)]
    public Task<ReleaseOutcome> RecordFailure([ActivityTrigger] FailureInput input, FunctionContext context) =>
        recordFailure.RunTracedAsync(input, null, TaskNames.RecordFailure, context.CancellationToken);
}
