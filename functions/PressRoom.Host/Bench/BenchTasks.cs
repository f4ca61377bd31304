using Microsoft.DurableTask;

namespace PressRoom.Host.Bench;

/// <summary>The engine ceiling: an orchestration of N no-op activities on the same engine and storage as the pipeline.</summary>
public sealed class NoOpOrchestrator : TaskOrchestrator<int, int>
{
    public const string Name = "BenchNoOp";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int activities)
    {
        for (int i = 0; i < activities; i++)
        {
            await context.CallActivityAsync<int>(NoOpActivity.Name, i);
        }

        return activities;
    }
}

public sealed class NoOpActivity : TaskActivity<int, int>
{
    public const string Name = "BenchNoOpActivity";

    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}

public static class BenchTaskRegistration
{
    public static DurableTaskRegistry AddBenchTasks(this DurableTaskRegistry registry) => registry
        .AddOrchestrator<NoOpOrchestrator>(NoOpOrchestrator.Name)
        .AddActivity<NoOpActivity>(NoOpActivity.Name);
}
