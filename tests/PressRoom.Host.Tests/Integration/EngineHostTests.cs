using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Host.Bench;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Admin;
using PressRoom.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PressRoom.Tests.Integration;

/// <summary>
/// Issue 17: the default engine host is DTFx's <c>TaskHubWorker</c> in process. Every work item runs in it (the gRPC
/// sidecar only answers the client), the client API still reaches the backend, and with extended sessions an
/// orchestration's episodes after the first do not read its history table again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineHostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    const string BenchTasks = "PressRoom:BenchTasks=true";

    [Fact]
    public async Task With_the_default_host_every_orchestration_and_activity_runs_in_process_and_the_sidecar_is_never_asked_for_work()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString, watch: false, BenchTasks);
        var engine = runtime.Services.GetRequiredService<DurableEngine>();
        Assert.Equal(EngineHost.TaskHubWorker, engine.Host);
        var client = runtime.Client;

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, 4, ct));
        }

        foreach (var id in ids)
        {
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, ct);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(4, done.ReadOutputAs<int>());
        }

        var counters = runtime.Services.GetRequiredService<InProcessWorkCounters>();
        var sidecar = Assert.IsType<ApiOnlyOrchestrationService>(engine.SidecarService);
        output.WriteLine($"in process: {counters.OrchestrationsLoaded} orchestrations loaded, {counters.ActivitiesRun} activities run; sidecar work-item requests: {sidecar.WorkItemRequests}");
        Assert.Equal(12, counters.ActivitiesRun);
        Assert.InRange(counters.OrchestrationsLoaded, 3, 15);
        Assert.Equal(0, sidecar.WorkItemRequests);

        // The admin API and CLI still work through the sidecar's client: status, terminate, restart, purge.
        var admin = runtime.Services.GetRequiredService<AdminInstanceActions>();
        var caller = new AdminCaller(AdminRole.Admin, "test");
        var running = await client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, 1_000_000, ct);
        await client.WaitForInstanceStartAsync(running, ct);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await client.GetInstanceAsync(running, ct))?.RuntimeStatus);
        Assert.Equal(ActionOutcome.Done, (await admin.TerminateAsync(client, running, caller, "test", ct)).Outcome);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await client.WaitForInstanceCompletionAsync(running, ct)).RuntimeStatus);

        var before = counters.ActivitiesRun;
        var restartedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Equal(ActionOutcome.Done, (await admin.RestartAsync(client, ids[0], caller, "test", ct)).Outcome);

        // The restart reuses the id, so "completed" alone could be the first run: wait for a run created after the restart.
        while (await client.GetInstanceAsync(ids[0], ct) is not { RuntimeStatus: OrchestrationRuntimeStatus.Completed } state || state.CreatedAt < restartedAt)
        {
            await Task.Delay(100, ct);
        }

        Assert.True(counters.ActivitiesRun >= before + 4, $"the restarted run's 4 activities ran in process ({counters.ActivitiesRun - before} since the restart)");

        var purged = await client.PurgeInstanceAsync(ids[1], ct);
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await client.GetInstanceAsync(ids[1], ct));
        Assert.Equal(0, sidecar.WorkItemRequests);
    }

    [Fact]
    public async Task With_the_sidecar_host_the_work_goes_through_the_grpc_worker_and_not_the_in_process_one()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString, watch: false, BenchTasks, "PressRoom:Engine:Host=GrpcSidecar");
        var engine = runtime.Services.GetRequiredService<DurableEngine>();
        Assert.Equal(EngineHost.GrpcSidecar, engine.Host);
        Assert.IsType<ActivityLockRenewingService>(engine.SidecarService);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, 3, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await runtime.Client.WaitForInstanceCompletionAsync(id, timeout.Token)).RuntimeStatus);
        var counters = runtime.Services.GetRequiredService<InProcessWorkCounters>();
        Assert.Equal(0, counters.ActivitiesRun);
        Assert.Equal(0, counters.OrchestrationsLoaded);
    }

    [Fact]
    public async Task With_extended_sessions_an_orchestration_reads_its_history_once_and_without_them_on_every_episode()
    {
        // An Azurite of its own whose access log is counted, so the History table's reads can be told apart per task hub.
        var data = Directory.CreateTempSubdirectory("pressroom-sessions-");
        var options = new LocalRuntimeOptions
        {
            DataDirectory = data.FullName,
            AzuriteBlobPort = LoopbackPort.Free(),
            AzuriteQueuePort = LoopbackPort.Free(),
            AzuriteTablePort = LoopbackPort.Free(),
            AzuriteInMemory = true,
            CountAzuriteRequests = true,
        };
        await using var counted = await AzuriteProcess.StartAsync(options, CancellationToken.None);
        try
        {
            const int activities = 6;
            var withSessions = await HistoryReadsAsync(counted, extendedSessions: true, activities);
            var without = await HistoryReadsAsync(counted, extendedSessions: false, activities);
            output.WriteLine($"History table reads for one orchestration of {activities} activities ({activities + 1} episodes): extended sessions on {withSessions}, off {without}");

            // On: the first episode loads the (empty) history, the later ones run on what the session holds.
            Assert.InRange(withSessions, 0, 1);

            // Off: every episode after the first loads the history again.
            Assert.InRange(without, activities, 2 * (activities + 1));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    static async Task<long> HistoryReadsAsync(AzuriteProcess counted, bool extendedSessions, int activities)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var taskHub = TestRuntime.NewTaskHub();
        await using var runtime = await LocalRuntime.StartAsync(
            [
                $"--AzureWebJobsStorage={counted.ConnectionString}",
                $"--PressRoom:TaskHub={taskHub}",
                "--PressRoom:Url=http://127.0.0.1:0",
                "--" + BenchTasks,
                $"--PressRoom:Engine:ExtendedSessions={extendedSessions}",
            ],
            watch: false,
            timeout.Token);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, activities, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await runtime.Client.WaitForInstanceCompletionAsync(id, timeout.Token)).RuntimeStatus);
        return counted.RequestsByKind()!.GetValueOrDefault($"GET table {taskHub}History");
    }
}
