using DurableTask.Core;

namespace PressRoom.Host.Runtime;

/// <summary>
/// The backend with start and stop going through <see cref="BackendLifecycle"/>, so the engine can stop it in any
/// state, and twice (the worker stops it, then the engine makes sure). Everything else passes straight through; DTFx's
/// own activity dispatcher renews activity locks, so this is all the <c>TaskHubWorker</c> host needs.
/// </summary>
public class GuardedOrchestrationService(IOrchestrationService inner, ILogger logger) : OrchestrationServiceDecorator(inner)
{
    readonly BackendLifecycle lifecycle = new(inner, logger);

    public override Task StartAsync() => lifecycle.StartAsync();

    public override Task StopAsync() => lifecycle.StopAsync(isForced: false);

    public override Task StopAsync(bool isForced) => lifecycle.StopAsync(isForced);
}
