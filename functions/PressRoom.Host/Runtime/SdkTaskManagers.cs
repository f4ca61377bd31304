using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace PressRoom.Host.Runtime;

/// <summary>
/// Hands DTFx's orchestration dispatcher the Durable Task SDK's orchestrators, by name, from the SDK's registry
/// (<c>AddTasks</c>), wrapped by the SDK's shim. DTFx asks once per orchestration it loads; with extended sessions the
/// same orchestrator object then runs every episode of its session. Orchestrators come from the root provider: their
/// code must be deterministic, so they take no scoped (I/O) services, and nothing would end a scope held across episodes.
/// </summary>
public sealed class SdkOrchestrationManager(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services, InProcessWorkCounters counters)
    : INameVersionObjectManager<TaskOrchestration>
{
    public void Add(ObjectCreator<TaskOrchestration> creator) =>
        throw new NotSupportedException("Register orchestrators with the Durable Task SDK's registry (AddTasks), not with DTFx.");

    /// <returns>Null for an unknown name: DTFx then fails the orchestration with a type-missing error.</returns>
    public TaskOrchestration? GetObject(string name, string? version)
    {
        var taskName = new TaskName(name);
        if (!factory.TryCreateOrchestrator(taskName, services, out var orchestrator) || orchestrator is null)
        {
            return null;
        }

        counters.OrchestrationLoaded();
        return shims.CreateOrchestration(taskName, orchestrator);
    }
}

/// <summary>
/// Hands DTFx's activity dispatcher the Durable Task SDK's activities by name. Each run gets its own DI scope (the way
/// the SDK's gRPC worker runs activities), created when the run starts and disposed when it ends.
/// </summary>
public sealed class SdkActivityManager(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceScopeFactory scopes, InProcessWorkCounters counters)
    : INameVersionObjectManager<TaskActivity>
{
    public void Add(ObjectCreator<TaskActivity> creator) =>
        throw new NotSupportedException("Register activities with the Durable Task SDK's registry (AddTasks), not with DTFx.");

    public TaskActivity? GetObject(string name, string? version) => new ScopedActivity(new TaskName(name), this);

    async Task<string> RunAsync(TaskName name, TaskContext context, string input)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!factory.TryCreateActivity(name, scope.ServiceProvider, out var activity) || activity is null)
        {
            throw new InvalidOperationException($"No activity named '{name.Name}' is registered with this worker.");
        }

        counters.ActivityRun();
        return await shims.CreateActivity(name, activity).RunAsync(context, input);
    }

    sealed class ScopedActivity(TaskName name, SdkActivityManager owner) : TaskActivity
    {
        public override string Run(TaskContext context, string input) =>
            throw new NotSupportedException("DTFx runs activities through RunAsync.");

        public override Task<string> RunAsync(TaskContext context, string input) => owner.RunAsync(name, context, input);
    }
}

/// <summary>What the in-process worker ran: the evidence that work goes through it and not through the gRPC sidecar.</summary>
public sealed class InProcessWorkCounters
{
    long orchestrationsLoaded;
    long activitiesRun;

    /// <summary>Orchestrator objects DTFx asked for (once per orchestration loaded, not per episode in a session).</summary>
    public long OrchestrationsLoaded => Interlocked.Read(ref orchestrationsLoaded);

    public long ActivitiesRun => Interlocked.Read(ref activitiesRun);

    internal void OrchestrationLoaded() => Interlocked.Increment(ref orchestrationsLoaded);

    internal void ActivityRun() => Interlocked.Increment(ref activitiesRun);
}
