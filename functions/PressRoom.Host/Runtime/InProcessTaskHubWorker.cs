using DurableTask.Core;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;

namespace PressRoom.Host.Runtime;

/// <summary>
/// The Durable Task SDK worker's build target for <see cref="EngineHost.TaskHubWorker"/>: DTFx's own
/// <see cref="TaskHubWorker"/> in this process on the engine's Azure Storage backend, running the tasks registered with
/// the SDK (<c>AddDurableTaskWorker(b =&gt; b.AddTasks(...))</c>) through the SDK's shims. Unlike the gRPC sidecar, DTFx's
/// dispatcher keeps extended sessions open between episodes and renews activity locks itself.
/// </summary>
public sealed class InProcessTaskHubWorker : DurableTaskWorker
{
    readonly BackendLifecycle lifecycle;
    readonly ILogger logger;

    /// <param name="name">The builder's name (the SDK passes it with <paramref name="factory"/>).</param>
    public InProcessTaskHubWorker(
        string name,
        IDurableTaskFactory factory,
        DurableEngine engine,
        IServiceProvider services,
        IOptionsMonitor<DurableTaskWorkerOptions> options,
        InProcessWorkCounters counters,
        ILoggerFactory loggerFactory)
        : base(name, factory)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        logger = loggerFactory.CreateLogger<InProcessTaskHubWorker>();
        var shims = new DurableTaskShimFactory(options.Get(name), loggerFactory);
        var hub = new TaskHubWorker(
            engine.WorkerService,
            new SdkOrchestrationManager(factory, shims, services, counters),
            new SdkActivityManager(factory, shims, services.GetRequiredService<IServiceScopeFactory>(), counters),
            loggerFactory)
        {
            // The SDK's orchestrators read TaskFailureDetails from a failed activity (ProcessReleaseOrchestrator.IsPermanent).
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };

        hub.AddOrchestrationDispatcherMiddleware(WithTagsAsync);

        // Forced: a graceful DTFx stop waits for the work items in flight, and an open extended session stays one until it
        // goes idle (up to its idle timeout). Work in flight is durable and is delivered again after its visibility
        // timeout, as after a crash.
        lifecycle = new BackendLifecycle(async () => await hub.StartAsync(), _ => hub.StopAsync(isForced: true), logger, "in-process task hub worker");
    }

    /// <summary>
    /// An orchestration started without tags (the SDK client's RestartAsync) would be stored with none, and the gRPC
    /// server then fails every status read of it (it copies the tags into its reply without a null check). The SDK's
    /// own path always stores an empty set; do the same.
    /// </summary>
    static Task WithTagsAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        if (context.GetProperty<OrchestrationRuntimeState>()?.ExecutionStartedEvent is { } started)
        {
            started.Tags ??= new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return next();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifecycle.StartAsync();
        logger.LogDebug("The in-process task hub worker is running");
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await lifecycle.StopAsync(isForced: true);
    }
}
