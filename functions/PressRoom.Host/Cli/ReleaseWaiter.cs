using Microsoft.DurableTask.Client;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Host.Cli;

/// <summary>Waits until the orchestrations of given releases have ended (they may not exist yet when asked).</summary>
public static class ReleaseWaiter
{
    public static async Task<Dictionary<string, OrchestrationRuntimeStatus>> WaitAsync(
        DurableTaskClient client, IReadOnlyCollection<string> releaseIds, TimeSpan timeout, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var done = new Dictionary<string, OrchestrationRuntimeStatus>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + timeout;
        while (done.Count < releaseIds.Count && DateTime.UtcNow < deadline)
        {
            foreach (var id in releaseIds.Where(id => !done.ContainsKey(id)))
            {
                var instance = await client.GetInstanceAsync(ReleaseIdentity.InstanceId(id), getInputsAndOutputs: false, cancellationToken);
                if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated })
                {
                    done[id] = instance.RuntimeStatus;
                }
            }

            progress?.Invoke(done.Count, releaseIds.Count);
            if (done.Count < releaseIds.Count)
            {
                await Task.Delay(250, cancellationToken);
            }
        }

        return done;
    }
}
