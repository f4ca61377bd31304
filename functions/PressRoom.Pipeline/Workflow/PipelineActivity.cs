using Microsoft.DurableTask;
using PressRoom.Pipeline.Telemetry;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// An activity of the release pipeline. The local engine runs it as a Durable Task SDK activity;
/// the Functions app calls <see cref="ExecuteAsync"/> from a thin <c>[ActivityTrigger]</c> function.
/// </summary>
public abstract class PipelineActivity<TInput, TOutput> : TaskActivity<TInput, TOutput>
{
    public abstract Task<TOutput> ExecuteAsync(TInput input, CancellationToken cancellationToken);

    public sealed override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) =>
        RunTracedAsync(input, context?.InstanceId, context?.Name.ToString(), CancellationToken.None);

    /// <summary>Runs the activity inside a span of its release's trace (see <see cref="PressRoomTelemetry"/>).</summary>
    public async Task<TOutput> RunTracedAsync(TInput input, string? instanceId, string? name, CancellationToken cancellationToken)
    {
        using var span = PressRoomTelemetry.StartReleaseActivity($"activity {name ?? GetType().Name}", PressRoomTelemetry.ReleaseIdOf(input), instanceId);
        try
        {
            return await ExecuteAsync(input, cancellationToken);
        }
        catch (Exception ex)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            span?.AddException(ex);
            throw;
        }
    }
}
