using Microsoft.DurableTask;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// An activity of the release pipeline. The local engine runs it as a Durable Task SDK activity;
/// the Functions app calls <see cref="ExecuteAsync"/> from a thin <c>[ActivityTrigger]</c> function.
/// </summary>
public abstract class PipelineActivity<TInput, TOutput> : TaskActivity<TInput, TOutput>
{
    public abstract Task<TOutput> ExecuteAsync(TInput input, CancellationToken cancellationToken);

    public sealed override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) =>
        ExecuteAsync(input, CancellationToken.None);
}
