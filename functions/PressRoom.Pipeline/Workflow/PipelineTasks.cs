using Microsoft.DurableTask;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// An activity of the pipeline under its name, typed by the class that runs it: the constraint makes a descriptor whose
/// input or output differs from its activity's a build error, and the orchestrator calls activities only through these
/// descriptors (<see cref="PipelineTasks.CallAsync"/>), so a call with the wrong input or result type does not compile.
/// </summary>
public sealed class PipelineActivityName<TActivity, TInput, TOutput>(string name)
    where TActivity : PipelineActivity<TInput, TOutput>
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

/// <summary>The one typed place that names the orchestration and activities (the Functions app uses the same names).</summary>
public static class PipelineTasks
{
    public static readonly PipelineActivityName<ReadDocumentActivity, ReleaseInput, DocumentSummary> ReadDocument = new(TaskNames.ReadDocument);
    public static readonly PipelineActivityName<TranslateActivity, TranslateInput, TranslationSummary> Translate = new(TaskNames.Translate);

    /// <summary>Called only by <see cref="ProcessReleaseOrchestratorV1"/> (instances started before the upgrade).</summary>
    public static readonly PipelineActivityName<ExtractEntitiesActivity, ExtractInput, EntitySummary> ExtractEntities = new(TaskNames.ExtractEntities);
    public static readonly PipelineActivityName<SaveResultsActivity, SaveInput, ReleaseOutcome> SaveResults = new(TaskNames.SaveResults);
    public static readonly PipelineActivityName<RecordFailureActivity, FailureInput, ReleaseOutcome> RecordFailure = new(TaskNames.RecordFailure);

    /// <summary>Calls an activity through its typed descriptor.</summary>
    public static Task<TOutput> CallAsync<TActivity, TInput, TOutput>(
        this TaskOrchestrationContext context, PipelineActivityName<TActivity, TInput, TOutput> activity, TInput input, TaskOptions? options = null)
        where TActivity : PipelineActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(activity);
        return context.CallActivityAsync<TOutput>(activity.Name, input, options);
    }

    public static DurableTaskRegistry AddPressRoomTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<ProcessReleaseOrchestrator>(TaskNames.ProcessRelease)
            .AddOrchestrator<ProcessReleaseOrchestratorV1>(TaskNames.ProcessReleaseV1)
            .Add(ReadDocument)
            .Add(Translate)
            .Add(ExtractEntities)
            .Add(SaveResults)
            .Add(RecordFailure);
    }

    static DurableTaskRegistry Add<TActivity, TInput, TOutput>(this DurableTaskRegistry registry, PipelineActivityName<TActivity, TInput, TOutput> activity)
        where TActivity : PipelineActivity<TInput, TOutput> =>
        registry.AddActivity<TActivity>(activity.Name);
}
