using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PressRoom.Host.Bench;
using PressRoom.Host.Cli;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Maintenance;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Integration;

/// <summary>
/// Bounded history: finished orchestrations older than the retention are purged from the engine's tables; running and
/// recent ones stay, and the release results in PressRoom's own tables and blobs are untouched.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HistoryPurgeTests(AzuriteFixture azurite)
{
    static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    [Fact]
    public async Task Finished_instances_older_than_the_retention_are_purged_while_running_recent_ones_and_release_results_stay()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString, watch: false, "PressRoom:BenchTasks=true");
        var client = runtime.Client;

        // Old and finished: a real release through the whole pipeline.
        var releaseId = await ProcessSeedReleaseAsync(runtime, ct);
        var releaseInstance = ReleaseIdentity.InstanceId(releaseId);

        // Old and still running: a long chain of no-op activities, terminated at the end.
        var running = await client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, 1_000_000, ct);
        await client.WaitForInstanceStartAsync(running, ct);

        // Everything created up to here is "old"; the instance created after the cutoff is "recent".
        await Task.Delay(TimeSpan.FromMilliseconds(1500), ct);
        var cutoff = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromMilliseconds(1500), ct);
        var recent = await client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, 1, ct);
        await client.WaitForInstanceCompletionAsync(recent, ct);

        var purge = new HistoryPurge(
            Options.Create(new HistoryRetentionOptions { HistoryRetention = Retention }),
            new FixedTime(cutoff + Retention),
            NullLogger<HistoryPurge>.Instance);
        var result = await purge.PurgeFinishedAsync(client, ct);

        Assert.Equal(cutoff, result.CreatedBefore);
        Assert.Equal(1, result.PurgedInstances);
        Assert.Null(await client.GetInstanceAsync(releaseInstance, ct));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await client.GetInstanceAsync(recent, ct))?.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await client.GetInstanceAsync(running, ct))?.RuntimeStatus);

        // The release result is ours, not the engine's: its row and its JSON document are still there.
        var row = await runtime.Services.GetRequiredService<ReleaseQueries>().GetAsync(releaseId, ct);
        Assert.Equal("Completed", row?.Status);
        var record = await runtime.Services.GetRequiredService<ReleaseArtifacts>().ReadJsonAsync<ReleaseRecord>(releaseId, ReleaseArtifacts.ReleaseFile, ct);
        Assert.Equal(releaseId, record.ReleaseId);

        await client.TerminateInstanceAsync(running, cancellation: ct);
    }

    [Fact]
    public async Task The_local_runtime_purges_on_its_interval()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        // The retention is long enough to see the instance finish before it may be purged (a purged instance is gone).
        await using var runtime = await TestRuntime.StartAsync(
            azurite.ConnectionString, watch: false, "PressRoom:HistoryRetention=00:00:15", "PressRoom:HistoryPurgeInterval=00:00:01", "PressRoom:BenchTasks=true");
        var client = runtime.Client;
        var finished = await client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, 1, ct);
        var running = await client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, 1_000_000, ct);
        await client.WaitForInstanceStartAsync(running, ct);
        while ((await client.GetInstanceAsync(finished, ct))?.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            await Task.Delay(100, ct);
        }

        while (await client.GetInstanceAsync(finished, ct) is not null)
        {
            await Task.Delay(250, ct);
        }

        // Past the retention of both, the running one is still there.
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await client.GetInstanceAsync(running, ct))?.RuntimeStatus);
        await client.TerminateInstanceAsync(running, cancellation: ct);
    }

    static async Task<string> ProcessSeedReleaseAsync(LocalRuntime runtime, CancellationToken ct)
    {
        await using var seed = File.OpenRead(RepoPaths.SeedRelease);
        var blobName = $"purge-{Guid.NewGuid():N}.txt";
        var releaseId = await runtime.Services.GetRequiredService<ReleaseUploader>().UploadAsync(blobName, seed, ct);
        await runtime.Services.GetRequiredService<ReleaseIntake>().OfferAsync(runtime.Client, blobName, "test", ct);
        var ended = await ReleaseWaiter.WaitAsync(runtime.Client, [releaseId], TimeSpan.FromMinutes(2), null, ct);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended[releaseId]);
        return releaseId;
    }

    sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
