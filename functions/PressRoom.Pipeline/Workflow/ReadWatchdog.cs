using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Documents;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// Cancels a document read when its orchestration is terminated while the read runs: the durable engine
/// does not stop a running activity, so without this a terminated release kept a core busy. Polls the instance every
/// <see cref="DocumentLimits.ReadWatchInterval"/>, the first time after one interval, so the usual sub-second read
/// costs no storage call. Needs a <see cref="DurableTaskClient"/> in the container (the local runtime has one);
/// without one it only watches nothing.
/// </summary>
public sealed class ReadWatchdog(IOptions<DocumentLimits> limits, ILogger<ReadWatchdog> logger, DurableTaskClient? client = null)
{
    readonly TimeSpan _interval = limits.Value.ReadWatchInterval;

    /// <summary>Starts watching; dispose the result when the read ends.</summary>
    public IAsyncDisposable Watch(string instanceId, CancellationTokenSource read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (client is null)
        {
            return NoWatch.Instance;
        }

        var stop = CancellationTokenSource.CreateLinkedTokenSource(read.Token);
        var loop = WatchAsync(client, instanceId, read, stop.Token);
        return new Watching(stop, loop);
    }

    async Task WatchAsync(DurableTaskClient durable, string instanceId, CancellationTokenSource read, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_interval, stop);
                OrchestrationMetadata? instance;
                try
                {
                    instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, stop);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    continue; // a storage hiccup is no reason to stop a read
                }

                if (instance?.RuntimeStatus is OrchestrationRuntimeStatus.Terminated)
                {
                    logger.LogWarning("Orchestration {InstanceId} was terminated while its document was read; stopping the read", instanceId);
                    await read.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The read ended.
        }
    }

    sealed class Watching(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }

    sealed class NoWatch : IAsyncDisposable
    {
        public static readonly NoWatch Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
