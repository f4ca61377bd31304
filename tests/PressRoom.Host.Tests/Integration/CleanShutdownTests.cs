using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PressRoom.Host.Bench;
using PressRoom.Host.Runtime;
using PressRoom.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PressRoom.Tests.Integration;

/// <summary>
/// Stopping the local runtime is safe in every state. Before the fix, stopping an engine whose worker had not yet
/// connected threw NullReferenceException inside the gRPC server's async void ApplicationStopping handler, which ends
/// the process. The runtimes here run under a <see cref="FaultRecordingContext"/>, which records such a crash instead.
/// Each case runs on both engine hosts: DTFx's TaskHubWorker in process (the default) and the gRPC sidecar.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CleanShutdownTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // Long enough for a fire-and-forget stop handler to have run (and, before the fix, to have crashed the process).
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(EngineHost.TaskHubWorker)]
    [InlineData(EngineHost.GrpcSidecar)]
    public async Task An_engine_stopped_before_any_worker_connected_stops_cleanly_and_can_be_stopped_again(EngineHost host)
    {
        var options = new LocalRuntimeOptions { TaskHub = TestRuntime.NewTaskHub(), Engine = { Host = host } };
        var faults = new FaultRecordingContext();
        await faults.RunAsync(async () =>
        {
            var engine = await DurableEngine.StartAsync(azurite.ConnectionString, options, NoLogs, CancellationToken.None);
            await engine.DisposeAsync();
            await engine.DisposeAsync();
        });
        await Task.Delay(Settle);
        Assert.Empty(faults.Faults);

        // The task hub it created is intact and usable by the next engine.
        await using var next = await TestRuntime.StartAsync(azurite.ConnectionString, watch: false, $"PressRoom:TaskHub={options.TaskHub}", BenchTasks, $"PressRoom:Engine:Host={host}");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, await RunNoOpAsync(next, activities: 1));
    }

    [Theory]
    [InlineData(EngineHost.TaskHubWorker)]
    [InlineData(EngineHost.GrpcSidecar)]
    public async Task A_runtime_cancelled_at_any_point_of_its_start_stops_cleanly(EngineHost host)
    {
        // Cancel the start at several points: before storage, during the engine's start, while the worker connects.
        var faults = new FaultRecordingContext();
        foreach (var after in new[] { 0, 150, 400, 800, 1500, 3000 })
        {
            await faults.RunAsync(() => StartAndCancelAsync(after, host));
        }

        await Task.Delay(Settle);
        Assert.Empty(faults.Faults);
    }

    async Task StartAndCancelAsync(int after, EngineHost host)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(after));
        LocalRuntime? runtime = null;
        try
        {
            runtime = await LocalRuntime.StartAsync([.. RuntimeArgs(TestRuntime.NewTaskHub()), $"--PressRoom:Engine:Host={host}"], watch: false, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine($"cancelled after {after} ms: the start gave up and cleaned up");
        }

        if (runtime is not null)
        {
            output.WriteLine($"cancelled after {after} ms: the runtime had already started; stopping it twice");
            await runtime.DisposeAsync();
            await runtime.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(EngineHost.TaskHubWorker)]
    [InlineData(EngineHost.GrpcSidecar)]
    public async Task A_runtime_that_ran_work_stops_cleanly_and_can_be_stopped_again(EngineHost host)
    {
        var faults = new FaultRecordingContext();
        await faults.RunAsync(async () =>
        {
            var runtime = await TestRuntime.StartAsync(azurite.ConnectionString, watch: false, BenchTasks, $"PressRoom:Engine:Host={host}");
            Assert.Equal(OrchestrationRuntimeStatus.Completed, await RunNoOpAsync(runtime, activities: 2));
            await runtime.DisposeAsync();
            await runtime.DisposeAsync();
        });
        await Task.Delay(Settle);
        Assert.Empty(faults.Faults);
    }

    [Fact]
    public async Task The_in_process_worker_stops_cleanly_before_during_and_after_its_start_and_really_stops()
    {
        var faults = new FaultRecordingContext();
        await faults.RunAsync(async () =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var ct = timeout.Token;

            // Never started: stopping does nothing, twice; the engine then stops the backend it never started.
            await using (var neverStarted = await InProcessWorkerAsync())
            {
                await neverStarted.Worker.StopAsync(ct);
                await neverStarted.Worker.StopAsync(ct);
            }

            // Stopped while its start runs (the start is in the background): the stop waits for it, then stops for real,
            // so work scheduled afterwards stays pending instead of being run by dispatchers that outlived the stop.
            await using (var starting = await InProcessWorkerAsync())
            {
                await starting.Worker.StartAsync(ct);
                await Task.WhenAll(starting.Worker.StopAsync(ct), starting.Worker.StopAsync(ct));
                var id = await starting.Client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, 1, ct);
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                Assert.Equal(OrchestrationRuntimeStatus.Pending, (await starting.Client.GetInstanceAsync(id, ct))?.RuntimeStatus);
            }

            // Started and ran work: stopped once however often asked.
            await using var started = await InProcessWorkerAsync();
            await started.Worker.StartAsync(ct);
            var done = await started.Client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, 2, ct);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await started.Client.WaitForInstanceCompletionAsync(done, ct)).RuntimeStatus);
            await Task.WhenAll(started.Worker.StopAsync(ct), started.Worker.StopAsync(ct));
        });
        await Task.Delay(Settle);
        Assert.Empty(faults.Faults);
    }

    /// <summary>An engine on the in-process host with its SDK worker (the TaskHubWorker) and client, outside any app host.</summary>
    async Task<WorkerUnderTest> InProcessWorkerAsync()
    {
        var options = new LocalRuntimeOptions { TaskHub = TestRuntime.NewTaskHub(), Engine = { Host = EngineHost.TaskHubWorker } };
        var engine = await DurableEngine.StartAsync(azurite.ConnectionString, options, NoLogs, CancellationToken.None);
        var services = new ServiceCollection().AddLogging(NoLogs);
        engine.AddWorkerAndClient(services, tasks => tasks.AddBenchTasks());
        var provider = services.BuildServiceProvider();
        var worker = Assert.IsType<InProcessTaskHubWorker>(Assert.Single(provider.GetServices<IHostedService>(), s => s is InProcessTaskHubWorker));
        return new WorkerUnderTest(engine, provider, worker);
    }

    sealed record WorkerUnderTest(DurableEngine Engine, ServiceProvider Provider, InProcessTaskHubWorker Worker) : IAsyncDisposable
    {
        public DurableTaskClient Client => Provider.GetRequiredService<DurableTaskClient>();

        public async ValueTask DisposeAsync()
        {
            await Provider.DisposeAsync();
            await Engine.DisposeAsync();
            await Engine.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_backend_lifecycle_is_safe_in_every_state()
    {
        // The real Azure Storage backend on Azurite, driven the way the gRPC server drives it.
        var options = new LocalRuntimeOptions { TaskHub = TestRuntime.NewTaskHub() };
        using var loggers = LoggerFactory.Create(_ => { });

        // Never started: stopping does nothing, twice, and a start after the stop does not start it.
        var backend = EngineSettings.CreateBackend(azurite.ConnectionString, options, loggers);
        var neverStarted = new BackendLifecycle(backend, loggers.CreateLogger("test"));
        var stop = neverStarted.StopAsync(isForced: false);
        Assert.Same(stop, neverStarted.StopAsync(isForced: true));
        await stop;
        await neverStarted.StartAsync();
        Assert.True(neverStarted.IsStopping);

        // Stopped while starting: the stop waits for the start, then stops (the backend can then be started afresh).
        var starting = new BackendLifecycle(backend, loggers.CreateLogger("test"));
        var start = starting.StartAsync();
        await Task.WhenAll(start, starting.StopAsync(isForced: false), starting.StopAsync(isForced: false)).WaitAsync(TimeSpan.FromMinutes(1));
        await backend.StartAsync();
        await backend.StopAsync();

        // Started: stopped once however often asked.
        var started = new BackendLifecycle(backend, loggers.CreateLogger("test"));
        await started.StartAsync();
        await Task.WhenAll(started.StopAsync(isForced: false), started.StopAsync(isForced: false)).WaitAsync(TimeSpan.FromMinutes(1));
        await backend.StartAsync();
        await backend.StopAsync();
    }

    static async Task<OrchestrationRuntimeStatus> RunNoOpAsync(LocalRuntime runtime, int activities)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, activities, timeout.Token);
        var state = await runtime.Client.WaitForInstanceCompletionAsync(id, timeout.Token);
        return state.RuntimeStatus;
    }

    /// <summary>The no-op orchestration these tests run is the bench's; only runtimes that ask for it register it.</summary>
    const string BenchTasks = "PressRoom:BenchTasks=true";

    string[] RuntimeArgs(string taskHub) =>
    [
        $"--AzureWebJobsStorage={azurite.ConnectionString}",
        $"--PressRoom:TaskHub={taskHub}",
        "--PressRoom:Url=http://127.0.0.1:0",
    ];

    static void NoLogs(ILoggingBuilder logging) => logging.ClearProviders();
}
