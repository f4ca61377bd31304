using Microsoft.DurableTask;

namespace PressRoom.Pipeline.Workflow;

/// <summary>The orchestration and activities of the pipeline, under the names the Functions app uses too.</summary>
public static class PipelineTasks
{
    public static DurableTaskRegistry AddPressRoomTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<ProcessReleaseOrchestrator>(TaskNames.ProcessRelease)
            .AddActivity<ReadDocumentActivity>(TaskNames.ReadDocument)
            .AddActivity<DetectLanguageActivity>(TaskNames.DetectLanguage)
            .AddActivity<TranslateActivity>(TaskNames.Translate)
            .AddActivity<ExtractEntitiesActivity>(TaskNames.ExtractEntities)
            .AddActivity<SaveResultsActivity>(TaskNames.SaveResults)
            .AddActivity<RecordFailureActivity>(TaskNames.RecordFailure);
    }
}
